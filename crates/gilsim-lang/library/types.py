# types: the names threaded programs take from it — SimpleNamespace, MethodType, the types of
# functions, methods, generators and modules (as type() of each reports them), and from 3.10
# NoneType and UnionType (`int | None`).
import _gilsim
import _gilsim_async
import _gilsim_union


class SimpleNamespace(object):
    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)

    def __repr__(self):
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        items = ", ".join("%s=%r" % (key, value) for key, value in self.__dict__.items())
        return "%s(%s)" % (name, items)

    def __eq__(self, other):
        if isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented


def _function():
    pass


def _generator():
    yield


class _Class(object):
    def _method(self):
        pass


FunctionType = type(_function)
LambdaType = FunctionType
MethodType = type(_Class()._method)
BuiltinFunctionType = type(len)
BuiltinMethodType = BuiltinFunctionType
GeneratorType = type(_generator())
CoroutineType = _gilsim_async.coroutine
AsyncGeneratorType = _gilsim_async.async_generator
ModuleType = type(_gilsim)
if _gilsim.version >= (3, 10):
    NoneType = type(None)
    UnionType = _gilsim_union.UnionType


def coroutine(func):
    # A generator function whose generators may be awaited (CPython sets the code's
    # CO_ITERABLE_COROUTINE flag; here its generators come wrapped in an awaitable).
    if not callable(func):
        raise TypeError("types.coroutine() expects a callable")
    if _gilsim.function_kind(func) in ("coroutine", "async_generator"):
        return func

    def wrapped(*args, **kwargs):
        result = func(*args, **kwargs)
        if isinstance(result, GeneratorType):
            return _gilsim_async.iterable_coroutine(result)
        return result

    wrapped.__name__ = getattr(func, "__name__", "wrapped")
    wrapped.__qualname__ = getattr(func, "__qualname__", "wrapped")
    wrapped.__doc__ = getattr(func, "__doc__", None)
    wrapped.__wrapped__ = func
    return wrapped
