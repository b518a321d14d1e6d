# functools in Python (CPython's Lib/functools.py algorithms, simplified where the C
# accelerator's behaviour is not observable).

import _gilsim

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__", "__annotations__")
if _gilsim.version >= (3, 12):
    WRAPPER_ASSIGNMENTS += ("__type_params__",)
WRAPPER_UPDATES = ("__dict__",)


class partial(object):
    def __init__(self, func, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        merged = dict(self.keywords)
        merged.update(keywords)
        return self.func(*self.args, *args, **merged)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend("%s=%r" % (k, v) for k, v in self.keywords.items())
        return "functools.partial(%s)" % ", ".join(parts)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        # gilsim's __dict__ is a snapshot: copy the entries one by one.
        for name, value in getattr(wrapped, attr, {}).items():
            setattr(wrapper, name, value)
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    def decorator(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)

    return decorator


_initial_missing = object()


def reduce(function, sequence, initial=_initial_missing):
    try:
        it = iter(sequence)
    except TypeError:
        raise TypeError("reduce() arg 2 must support iteration") from None
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            empty = "iterable" if _gilsim.version >= (3, 10) else "sequence"
            raise TypeError("reduce() of empty %s with no initial value" % empty) from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class _CacheInfo(object):
    # CPython's is a namedtuple CacheInfo(hits, misses, maxsize, currsize).
    def __init__(self, hits, misses, maxsize, currsize):
        self.hits, self.misses, self.maxsize, self.currsize = hits, misses, maxsize, currsize

    def _fields_values(self):
        return (self.hits, self.misses, self.maxsize, self.currsize)

    def __iter__(self):
        return iter(self._fields_values())

    def __len__(self):
        return 4

    def __getitem__(self, index):
        return self._fields_values()[index]

    def __eq__(self, other):
        if isinstance(other, _CacheInfo):
            other = other._fields_values()
        return self._fields_values() == other

    def __hash__(self):
        return hash(self._fields_values())

    def _asdict(self):
        pairs = zip(("hits", "misses", "maxsize", "currsize"), self._fields_values())
        if _gilsim.version < (3, 8):
            from collections import OrderedDict
            return OrderedDict(pairs)
        return dict(pairs)

    def __repr__(self):
        return "CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)" % self._fields_values()


class _lru_cache_wrapper(object):
    # CPython's C wrapper: the cache keyed as _make_key keys it (positional arguments, then a
    # marker and the keyword items in call order; their types too when typed), least recently
    # used entry evicted first.
    def __init__(self, func, maxsize, typed):
        self._func = func
        self._maxsize = maxsize
        # A negative size (3.6 keeps it; later ones make it 0): CPython's C cache holds one entry.
        self._capacity = maxsize if maxsize is None or maxsize >= 0 else 1
        self._typed = typed
        self._cache = {}
        self._order = []
        self._hits = 0
        self._misses = 0
        update_wrapper(self, func)

    def __get__(self, obj, objtype=None):
        # A cached method binds to its instance, as CPython's C wrapper does.
        if obj is None:
            return self
        return _gilsim.method(self, obj)

    def _key(self, args, kwargs):
        key = args
        if kwargs:
            key = args + (_kwd_mark,) + tuple(kwargs.items())
        if self._typed:
            key += tuple(type(v) for v in args)
            if kwargs:
                key += tuple(type(v) for v in kwargs.values())
        return key

    def __call__(self, *args, **kwargs):
        key = self._key(args, kwargs)
        if key in self._cache:
            self._hits += 1
            if self._capacity is not None:
                self._order.remove(key)
                self._order.append(key)
            return self._cache[key]
        self._misses += 1
        result = self._func(*args, **kwargs)
        if self._capacity != 0:
            self._cache[key] = result
            if self._capacity is not None:
                self._order.append(key)
                if len(self._order) > self._capacity:
                    del self._cache[self._order.pop(0)]
        return result

    def cache_info(self):
        return _CacheInfo(self._hits, self._misses, self._maxsize, len(self._cache))

    def cache_clear(self):
        self._cache = {}
        self._order = []
        self._hits = 0
        self._misses = 0

    if _gilsim.version >= (3, 9):
        def cache_parameters(self):
            return {"maxsize": self._maxsize, "typed": self._typed}


_kwd_mark = object()


def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int):
        if maxsize < 0 and _gilsim.version >= (3, 7):
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool) and _gilsim.version >= (3, 8):
        return _lru_cache_wrapper(maxsize, 128, typed)
    elif maxsize is not None:
        if _gilsim.version < (3, 8):
            raise TypeError("Expected maxsize to be an integer or None")
        raise TypeError("Expected first argument to be an integer, a callable, or None")

    def decorating_function(user_function):
        return _lru_cache_wrapper(user_function, maxsize, typed)

    return decorating_function


def cache(user_function):
    return _lru_cache_wrapper(user_function, None, False)


if _gilsim.version < (3, 9):
    del cache


class KeyWrapper(object):
    # CPython 3's C key object: called on an item it wraps the item, and two wrapped items
    # compare by what the cmp function says of them.
    __slots__ = ("_cmp", "obj")

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'functools.KeyWrapper' instances")

    def __call__(self, obj):
        return _key_wrapper(self._cmp, obj)

    def _compare(self, other):
        if not isinstance(other, KeyWrapper):
            raise TypeError("other argument must be K instance")
        return self._cmp(self.obj, other.obj)

    def __lt__(self, other):
        return self._compare(other) < 0

    def __le__(self, other):
        return self._compare(other) <= 0

    def __gt__(self, other):
        return self._compare(other) > 0

    def __ge__(self, other):
        return self._compare(other) >= 0

    def __eq__(self, other):
        return self._compare(other) == 0

    def __ne__(self, other):
        return self._compare(other) != 0

    __hash__ = None


def _key_wrapper(cmp, *obj):
    key = object.__new__(KeyWrapper)
    key._cmp = cmp
    if obj:
        key.obj = obj[0]
    return key


def cmp_to_key(mycmp):
    if _gilsim.version >= (3, 0):
        return _key_wrapper(mycmp)

    # Python 2.7's, a class.
    class K(object):
        __slots__ = ["obj"]

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        def __ne__(self, other):
            return mycmp(self.obj, other.obj) != 0

        def __hash__(self):
            raise TypeError("hash not implemented")

    return K


def total_ordering(cls):
    defined = [op for op in ("__lt__", "__le__", "__gt__", "__ge__") if op in cls.__dict__]
    if not defined:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = defined[0]
    if root == "__lt__":
        cls.__gt__ = lambda self, other: not (self < other) and self != other
        cls.__le__ = lambda self, other: self < other or self == other
        cls.__ge__ = lambda self, other: not (self < other)
    elif root == "__le__":
        cls.__lt__ = lambda self, other: self <= other and not self == other
        cls.__gt__ = lambda self, other: not (self <= other)
        cls.__ge__ = lambda self, other: not (self <= other) or self == other
    elif root == "__gt__":
        cls.__lt__ = lambda self, other: not (self > other) and self != other
        cls.__ge__ = lambda self, other: self > other or self == other
        cls.__le__ = lambda self, other: not (self > other)
    else:
        cls.__le__ = lambda self, other: not (self >= other) or self == other
        cls.__gt__ = lambda self, other: self >= other and not self == other
        cls.__lt__ = lambda self, other: not (self >= other)
    return cls


class partialmethod(object):
    # A partial for methods: binds the instance first, then the frozen arguments.
    def __init__(self, func, *args, **keywords):
        self.func = func
        self.args = args
        self.keywords = keywords

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        return partial(self.func, obj, *self.args, **self.keywords)


def singledispatch(func):
    # Dispatch on the class of the first argument, along its MRO.
    registry = {object: func}

    def dispatch(cls):
        for klass in cls.__mro__:
            if klass in registry:
                return registry[klass]
        return func

    def register(cls, method=None):
        if method is None:
            if isinstance(cls, type) or _gilsim.version < (3, 7):
                return lambda f: register(cls, f)
            # `@f.register` on a function: the class is its first parameter's annotation (3.7+).
            annotations = getattr(cls, "__annotations__", {})
            if not annotations:
                raise TypeError(
                    "Invalid first argument to `register()`: %r. Use either `@register(some_class)` "
                    "or plain `@register` on an annotated function." % (cls,))
            method = cls
            argname, cls = next(iter(annotations.items()))
            if isinstance(cls, str):
                # A postponed annotation (PEP 563) names a global of the function's module.
                cls = _gilsim.global_of(method, cls) or cls
            if not isinstance(cls, type):
                raise TypeError("Invalid annotation for %r. %r is not a class." % (argname, cls))
        registry[cls] = method
        return method

    def wrapper(*args, **kw):
        if not args:
            raise TypeError("%s requires at least 1 positional argument" % getattr(func, "__name__", "singledispatch function"))
        return dispatch(args[0].__class__)(*args, **kw)

    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod(object):
    # 3.8+: a method dispatching on the class of its first argument after self.
    def __init__(self, func):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError("%r is not callable or a descriptor" % (func,))
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            method = self.dispatcher.dispatch(args[0].__class__)
            return method(obj, *args, **kwargs)

        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method


if _gilsim.version < (3, 8):
    del singledispatchmethod


if _gilsim.version >= (3, 8):
    _NOT_FOUND = object()

    class cached_property:
        # 3.8-3.11 computed the value under an RLock of the property (one thread at a time,
        # for every instance); 3.12 dropped the lock.
        def __init__(self, func):
            self.func = func
            self.attrname = None
            self.__doc__ = func.__doc__
            if _gilsim.version < (3, 12):
                from threading import RLock
                self.lock = RLock()

        def __set_name__(self, owner, name):
            if self.attrname is None:
                self.attrname = name
            elif name != self.attrname:
                raise TypeError("Cannot assign the same cached_property to two different names (%r and %r)."
                                % (self.attrname, name))

        def __get__(self, instance, owner=None):
            if instance is None:
                return self
            if self.attrname is None:
                raise TypeError("Cannot use cached_property instance without calling __set_name__ on it.")
            cache = instance.__dict__
            val = cache.get(self.attrname, _NOT_FOUND)
            if val is _NOT_FOUND:
                if _gilsim.version < (3, 12):
                    with self.lock:
                        val = cache.get(self.attrname, _NOT_FOUND)
                        if val is _NOT_FOUND:
                            val = self.func(instance)
                            cache[self.attrname] = val
                else:
                    val = self.func(instance)
                    cache[self.attrname] = val
            return val
