# _gilsim_reduce: what copy and pickle both ask about an object they reduce, as
# CPython's copyreg and object.__reduce_ex__ decide it: the hooks its class defines in Python,
# its __slots__ values, whether it is a namedtuple, the arguments that remake it.


def user_hook(obj, name):
    # A copying or pickling hook the object's class defines in Python (object's own are the
    # default behaviour of copy and pickle).
    for klass in type(obj).__mro__:
        if name in vars(klass):
            return getattr(obj, name) if klass is not object else None
    return None


def slot_values(obj):
    # The values of the __slots__ the object's classes declare (None when none declares any).
    names = None
    for klass in type(obj).__mro__:
        declared = vars(klass).get("__slots__")
        if declared is None:
            continue
        names = names or []
        names.extend([declared] if isinstance(declared, str) else declared)
    if names is None:
        return None
    return {name: getattr(obj, name) for name in names if name not in ("__dict__", "__weakref__") and hasattr(obj, name)}


def new_args(obj):
    # The arguments object.__reduce_ex__ gives copyreg.__newobj__: __getnewargs__()'s; a
    # subclass of tuple, str, int or float gives its value, as those types' own do.
    getnewargs = user_hook(obj, "__getnewargs__")
    if getnewargs is not None:
        return tuple(getnewargs())
    if isinstance(obj, str):
        return (str.__str__(obj),)
    for base in (tuple, int, float):
        if isinstance(obj, base):
            return (base(obj),)
    return ()


def is_namedtuple(cls):
    return isinstance(cls, type) and hasattr(cls, "_make") and hasattr(cls, "_fields")


def new_object(cls, *args):
    # copyreg.__newobj__: cls.__new__(cls, *args); a namedtuple (a tuple subclass in CPython)
    # is made from its fields.
    if is_namedtuple(cls):
        return cls._make(args)
    return cls.__new__(cls, *args)
