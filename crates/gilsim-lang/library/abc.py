# abc in Python. A class statement with metaclass=ABCMeta (or a
# base that has one) keeps __abstractmethods__, and instantiating it while that set is not
# empty raises CPython's TypeError (crates/gilsim-vm/src/class.rs). Virtual subclasses are
# CPython's (Lib/_py_abc.py): isinstance() and issubclass() answer a real subclass natively
# and ask __instancecheck__ / __subclasscheck__ below only otherwise; they consult the ABC's
# __subclasshook__, then the classes registered with it or with its subclasses.

# ABC -> the classes registered with it, in registration order.
_registered = {}


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs)."""

    def register(cls, subclass):
        """Register a virtual subclass of an ABC.

        Returns the subclass, to allow usage as a class decorator.
        """
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        _registered.setdefault(cls, []).append(subclass)
        return subclass

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        hook = getattr(cls, "__subclasshook__", None)
        if hook is not None:
            ok = hook(subclass)
            if ok is not NotImplemented:
                return ok
        if cls in subclass.__mro__:
            return True
        for abc, virtual in list(_registered.items()):
            if abc is cls or cls in abc.__mro__:
                for rcls in virtual:
                    if issubclass(subclass, rcls):
                        return True
        return False


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
