# Modelled on configuration objects shared by worker threads: a validating descriptor that
# takes a lock in `__set__`, a read-only property whose name also sits in the instance's
# `__dict__`, a caching non-data descriptor that stores into the instance (as
# functools.cached_property does), and a descriptor with `__set__` but no `__get__`. CPython
# looks a data descriptor up on the class before the instance's own dict, on loads and on
# stores; a non-data descriptor only after it.
import threading


class Bounded:
    """A number kept within bounds; writers serialise on a lock."""

    def __init__(self, low, high):
        self.low, self.high = low, high
        self.lock = threading.Lock()

    def __set_name__(self, owner, name):
        self.slot = "_" + name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.slot, self.low)

    def __set__(self, obj, value):
        with self.lock:
            obj.__dict__[self.slot] = max(self.low, min(self.high, value))


class Once:
    """Computed on first use, then stored in the instance, which shadows it."""

    def __init__(self, func):
        self.func = func
        self.name = func.__name__

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


class WriteOnly:
    def __set__(self, obj, value):
        obj.__dict__["audit"] = obj.__dict__.get("audit", ()) + (value,)


class Settings:
    workers = Bounded(1, 8)
    retries = Bounded(0, 3)
    audit = WriteOnly()
    computed = 0

    def __init__(self, name):
        self.name = name

    @property
    def label(self):
        return "settings:" + self.name

    @Once
    def digest(self):
        Settings.computed += 1
        return sum(map(ord, self.name)) % 97


shared = Settings("pool")
shared.__dict__["label"] = "shadow"
shared.__dict__["workers"] = 99
print(shared.label, shared.workers, sorted(shared.__dict__))

results = []
results_lock = threading.Lock()


def tune(n):
    shared.workers = n
    shared.retries = n - 2
    shared.audit = n
    seen = (shared.workers, shared.retries, shared.digest, shared.label)
    with results_lock:
        results.append((n, seen))


threads = [threading.Thread(target=tune, args=(n,)) for n in (0, 4, 12)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for n, seen in sorted(results):
    print(n, seen[2], seen[3], 1 <= seen[0] <= 8, 0 <= seen[1] <= 3)
print(sorted(shared.__dict__), shared.audit == shared.__dict__["audit"], len(shared.audit))
print(Settings.computed, shared.digest, type(Settings.workers).__name__)
try:
    shared.label = "x"
except AttributeError as e:
    print("AttributeError:", e)
del shared.__dict__["digest"]
print(shared.digest, Settings.computed)


class Handle:
    """A property with a deleter, and one with no function at all."""

    def __init__(self, fd):
        self._fd = fd

    @property
    def fd(self):
        return self._fd

    @fd.deleter
    def fd(self):
        print("closing", self._fd)
        del self._fd

    hidden = property(None, None, None, "nothing to see")


handles = [Handle(n) for n in (3, 4)]
closer = threading.Thread(target=lambda: [delattr(h, "fd") for h in handles])
closer.start()
closer.join()
print([hasattr(h, "_fd") for h in handles], Handle.fd.fdel is not None, Handle.hidden.fget)
for action in (lambda: handles[0].hidden, lambda: setattr(handles[0], "fd", 1), lambda: delattr(handles[0], "hidden")):
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)


class Audited:
    """Only `__set__`: deleting through it finds no `__delete__`."""

    def __get__(self, obj, owner=None):
        return obj.__dict__.get("_level", 0) if obj is not None else self

    def __set__(self, obj, value):
        obj.__dict__["_level"] = value


class Revocable:
    """Only `__delete__`: storing through it finds no `__set__`."""

    def __get__(self, obj, owner=None):
        return "granted" if obj is not None and not obj.__dict__.get("_revoked") else "revoked"

    def __delete__(self, obj):
        obj.__dict__["_revoked"] = True


class Session:
    level = Audited()
    access = Revocable()


session = Session()
session.level = 2
del session.access
print(session.level, session.access)
for action in (lambda: delattr(session, "level"), lambda: setattr(session, "access", "again")):
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)
print(sorted(session.__dict__.items()))
