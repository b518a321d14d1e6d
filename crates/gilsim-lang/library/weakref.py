# weakref: references that do not keep their object alive — ref, WeakMethod,
# WeakValueDictionary, WeakKeyDictionary, WeakSet, finalize — over _gilsim.weak_new/weak_get/weak_watch
# (modules/weak.rs). An object dies when its last strong reference goes, as under CPython's
# reference counting (gilsim collects no cycles); a reference's callback is called then, at
# the end of the instruction that dropped it (gilsim_vm::finalizers). proxy is not provided
# (docs/language.md).

import _gilsim


class _Reference(object):
    def __init__(self, obj, callback=None):
        self._handle = _gilsim.weak_new(obj)
        self._callback = callback
        self._hash = None
        if callback is not None:
            _gilsim.weak_watch(obj, self)

    def __call__(self):
        return _gilsim.weak_get(self._handle)

    @property
    def __callback__(self):
        return self._callback

    def __hash__(self):
        if self._hash is None:
            obj = self()
            if obj is None:
                raise TypeError("weak object has gone away")
            self._hash = hash(obj)
        return self._hash

    def __eq__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        mine, theirs = self(), other()
        if mine is None or theirs is None:
            return self is other
        return mine == theirs

    def __repr__(self):
        obj = self()
        if obj is None:
            return "<weakref at %s; dead>" % hex(id(self))
        return "<weakref at %s; to '%s' at %s>" % (hex(id(self)), type(obj).__name__, hex(id(obj)))


# The type is named `weakref` before 3.10, `ReferenceType` from 3.10.
_namespace = dict(vars(_Reference))
_namespace["__module__"] = "weakref"
ReferenceType = type("ReferenceType" if _gilsim.version >= (3, 10) else "weakref", (object,), _namespace)
ref = ReferenceType
_MISSING = object()


if _gilsim.version >= (3, 0):
    class WeakMethod(ReferenceType):
        # A weak reference to a bound method (CPython's WeakMethod): a bound method made on the
        # spot dies at once, so it refers to the object and the function, and calling it makes
        # the method again while both live; the callback runs once, when the first dies.
        def __init__(self, meth, callback=None):
            obj = getattr(meth, "__self__", _MISSING)
            func = getattr(meth, "__func__", _MISSING)
            if obj is _MISSING or func is _MISSING:
                raise TypeError("argument should be a bound method, not {}".format(type(meth)))
            holder = []

            def _cb(arg):
                self = holder[0]()
                if self is not None and self._alive:
                    self._alive = False
                    if callback is not None:
                        callback(self)

            ReferenceType.__init__(self, obj, _cb)
            self._func_ref = ReferenceType(func, _cb)
            self._meth_type = type(meth)
            self._alive = True
            holder.append(ReferenceType(self))

        def __call__(self):
            obj = ReferenceType.__call__(self)
            func = self._func_ref()
            if obj is None or func is None:
                return None
            return self._meth_type(func, obj)

        def __eq__(self, other):
            if isinstance(other, WeakMethod):
                if not self._alive or not other._alive:
                    return self is other
                return ReferenceType.__eq__(self, other) and self._func_ref == other._func_ref
            return NotImplemented

        def __ne__(self, other):
            if isinstance(other, WeakMethod):
                if not self._alive or not other._alive:
                    return self is not other
                return ReferenceType.__ne__(self, other) or self._func_ref != other._func_ref
            return NotImplemented

        __hash__ = ReferenceType.__hash__


class _WeakMapping(object):
    # What both weak dictionaries do over their live (key, value) pairs, `_live()`.
    def __len__(self):
        return len(self._live())

    def __iter__(self):
        return iter([key for key, _ in self._live()])

    def update(self, other=(), **kwargs):
        items = other.items() if hasattr(other, "items") else other
        for key, value in items:
            self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def keys(self):
        return [key for key, _ in self._live()]

    def values(self):
        return [value for _, value in self._live()]

    def items(self):
        return self._live()


class WeakValueDictionary(_WeakMapping):
    def __init__(self, other=(), **kwargs):
        self._data = {}
        self.update(other, **kwargs)

    def _live(self):
        return [(key, value) for key, value in ((k, r()) for k, r in list(self._data.items())) if value is not None]

    def __getitem__(self, key):
        value = self._data[key]()
        if value is None:
            raise KeyError(key)
        return value

    def __setitem__(self, key, value):
        self._data[key] = ref(value)

    def __delitem__(self, key):
        del self._data[key]

    def __contains__(self, key):
        r = self._data.get(key)
        return r is not None and r() is not None

    def __repr__(self):
        return "<WeakValueDictionary at %s>" % hex(id(self))

    def get(self, key, default=None):
        r = self._data.get(key)
        value = None if r is None else r()
        return default if value is None else value

    def setdefault(self, key, default=None):
        value = self.get(key)
        if value is None:
            self[key] = default
            return default
        return value

    def pop(self, key, *default):
        r = self._data.pop(key, None)
        value = None if r is None else r()
        if value is None:
            if default:
                return default[0]
            raise KeyError(key)
        return value

    def valuerefs(self):
        return list(self._data.values())

    def copy(self):
        return WeakValueDictionary(self._live())

    def clear(self):
        self._data.clear()


class WeakKeyDictionary(_WeakMapping):
    # Keyed by the key's id (never reused in a gilsim run), with a reference to the key.
    def __init__(self, other=None):
        self._data = {}
        if other is not None:
            self.update(other)

    def _live(self):
        return [(key, value) for key, value in ((r(), v) for r, v in list(self._data.values())) if key is not None]

    def __getitem__(self, key):
        entry = self._data.get(id(key))
        if entry is None or entry[0]() is not key:
            raise KeyError(key)
        return entry[1]

    def __setitem__(self, key, value):
        self._data[id(key)] = (ref(key), value)

    def __delitem__(self, key):
        if key not in self:
            raise KeyError(key)
        del self._data[id(key)]

    def __contains__(self, key):
        entry = self._data.get(id(key))
        return entry is not None and entry[0]() is key

    def get(self, key, default=None):
        return self[key] if key in self else default

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def pop(self, key, *default):
        if key in self:
            value = self[key]
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)


class WeakSet(object):
    def __init__(self, data=None):
        self._data = {}
        if data is not None:
            for item in data:
                self.add(item)

    def _live(self):
        return [item for item in (r() for r in list(self._data.values())) if item is not None]

    def add(self, item):
        self._data[id(item)] = ref(item)

    def discard(self, item):
        if item in self:
            del self._data[id(item)]

    def remove(self, item):
        if item not in self:
            raise KeyError(item)
        del self._data[id(item)]

    def __contains__(self, item):
        r = self._data.get(id(item))
        return r is not None and r() is item

    def __len__(self):
        return len(self._live())

    def __iter__(self):
        return iter(self._live())

    def clear(self):
        self._data.clear()


class _FinalizeInfo(object):
    pass


class finalize(object):
    # CPython's Lib/weakref.py: a callable object that is its referent's weak reference
    # callback, and runs at exit (newest first) while alive and `atexit` is true.
    _registry = {}
    _shutdown = False
    _next_index = 0
    _dirty = False
    _registered_with_atexit = False

    def __init__(self, obj, func, *args, **kwargs):
        if not finalize._registered_with_atexit:
            import atexit
            atexit.register(finalize._exitfunc)
            finalize._registered_with_atexit = True
        info = _FinalizeInfo()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        info.index = finalize._next_index
        finalize._next_index += 1
        finalize._registry[self] = info
        finalize._dirty = True

    def __call__(self, _=None):
        info = finalize._registry.pop(self, None)
        if info and not finalize._shutdown:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and finalize._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        return self in finalize._registry

    @property
    def atexit(self):
        info = finalize._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = finalize._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
        return "<%s object at %#x; for %r at %#x>" % (type(self).__name__, id(self), type(obj).__name__, id(obj))

    @staticmethod
    def _exitfunc():
        try:
            pending = None
            while True:
                if pending is None or finalize._dirty:
                    pending = [f for f, i in sorted(finalize._registry.items(), key=lambda item: item[1].index) if i.atexit]
                    finalize._dirty = False
                if not pending:
                    break
                f = pending.pop()
                try:
                    f()
                except Exception:
                    import sys
                    sys.excepthook(*sys.exc_info())
        finally:
            finalize._shutdown = True


if _gilsim.version < (3, 4):
    del finalize
