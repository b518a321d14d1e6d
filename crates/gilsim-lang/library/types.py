# types: the names threaded programs take from it — SimpleNamespace, MethodType, the types of
# functions, methods, generators and modules (as type() of each reports them), and from 3.10
# NoneType and UnionType (`int | None`).
import _gilsim
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
ModuleType = type(_gilsim)
if _gilsim.version >= (3, 10):
    NoneType = type(None)
    UnionType = _gilsim_union.UnionType
