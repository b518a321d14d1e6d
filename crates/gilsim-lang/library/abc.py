# abc in Python. A class statement with metaclass=ABCMeta (or a
# base that has one) keeps __abstractmethods__, and instantiating it while that set is not
# empty raises CPython's TypeError (crates/gilsim-vm/src/class.rs). Virtual subclasses
# (ABCMeta.register) are not supported.


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs)."""


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


def abstractclassmethod(callable):
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    callable.__isabstractmethod__ = True
    return staticmethod(callable)


def abstractproperty(fget):
    fget.__isabstractmethod__ = True
    return property(fget)


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using
    inheritance.
    """
    __slots__ = ()


def get_cache_token():
    return 0
