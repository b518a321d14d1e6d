# types: the names threaded programs take from it — SimpleNamespace, MethodType, the types of
# functions, methods, code, generators and modules (as type() of each reports them),
# MappingProxyType (a read-only view of a mapping, what `inspect.Signature.parameters` is),
# from 3.9 GenericAlias (`list[int]`) and from 3.10 NoneType and UnionType (`int | None`).
import _gilsim
import _gilsim_async
import _gilsim_union


class SimpleNamespace(object):
    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)

    def __repr__(self):
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        items = self.__dict__.items()
        if _gilsim.version < (3, 9):
            # Before 3.9 CPython shows the attributes sorted by name.
            items = sorted(items)
        return "%s(%s)" % (name, ", ".join("%s=%r" % (key, value) for key, value in items))

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
CodeType = type(_function.__code__)


class mappingproxy(object):
    # CPython's C type: reads go to the mapping, writes are refused.
    __module__ = "builtins"

    def __init__(self, mapping):
        if not hasattr(mapping, "keys") or not hasattr(mapping, "__getitem__") or isinstance(mapping, (list, tuple)):
            raise TypeError("mappingproxy() argument must be a mapping, not %s" % type(mapping).__name__)
        object.__setattr__(self, "_mapping", mapping)

    def __setattr__(self, name, value):
        raise AttributeError("'mappingproxy' object has no attribute '%s'" % name)

    def __getitem__(self, key):
        return self._mapping[key]

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __eq__(self, other):
        return self._mapping == other

    def __ne__(self, other):
        return self._mapping != other

    __hash__ = None

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    def __repr__(self):
        return "mappingproxy(%r)" % (self._mapping,)

    def __str__(self):
        return str(self._mapping)

    if _gilsim.version >= (3, 9):
        def __reversed__(self):
            return reversed(self._mapping)

        def __or__(self, other):
            if isinstance(other, mappingproxy):
                other = other._mapping
            return self._mapping | other


MappingProxyType = mappingproxy
if _gilsim.version >= (3, 9):
    GenericAlias = _gilsim_union.GenericAlias
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
