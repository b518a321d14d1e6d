# Modelled on "thread-safe dict" recipes built on collections.abc.MutableMapping, with an ABC
# interface that a third-party class joins through register().
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Hashable, Iterable, Mapping, MutableMapping, Sequence


class LockedRegistry(MutableMapping):
    """A dict whose every operation holds one re-entrant lock."""

    def __init__(self, *args, **kwargs):
        self._lock = threading.RLock()
        self._items = {}
        self.update(*args, **kwargs)

    def __getitem__(self, key):
        with self._lock:
            return self._items[key]

    def __setitem__(self, key, value):
        with self._lock:
            self._items[key] = value

    def __delitem__(self, key):
        with self._lock:
            del self._items[key]

    def __iter__(self):
        with self._lock:
            return iter(sorted(self._items))

    def __len__(self):
        with self._lock:
            return len(self._items)

    def increment(self, key):
        with self._lock:
            self[key] = self.get(key, 0) + 1


class Plugin(ABC):
    @abstractmethod
    def run(self, registry):
        ...


class Counter(Plugin):
    def __init__(self, name):
        self.name = name

    def run(self, registry):
        for _ in range(250):
            registry.increment(self.name)
            registry.increment("total")


class LegacyTask:
    """Does not inherit from Plugin, but has its method: registered as a virtual subclass."""

    def run(self, registry):
        registry.setdefault("legacy", "ran")


Plugin.register(LegacyTask)

registry = LockedRegistry(started=True)
plugins = [Counter("a"), Counter("b"), LegacyTask(), Counter("a")]
threads = [threading.Thread(target=p.run, args=(registry,), name=f"plugin-{i}") for i, p in enumerate(plugins)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print("registry:", dict(registry.items()))
print("len", len(registry), "has total:", "total" in registry, "pop missing:", registry.pop("zzz", None))
print("popped started:", registry.pop("started"), "keys now:", list(registry.keys()))
print("plugins:", [isinstance(p, Plugin) for p in plugins], issubclass(LegacyTask, Plugin))
print("mapping?", isinstance(registry, Mapping), isinstance(registry, dict), isinstance({}, MutableMapping))
print("iterable?", [isinstance(x, Iterable) for x in ([], "s", 3, registry, (i for i in ()))])
print("hashable?", [isinstance(x, Hashable) for x in (1, "s", [], {}, (1,), plugins[0])])
print("callable?", [isinstance(x, Callable) for x in (len, print, Counter, plugins[0].run, 3)])
print("sequence?", [isinstance(x, Sequence) for x in ([], (), "", range(2), {}, set())])
try:
    Plugin()
except TypeError as exc:
    print("TypeError:", exc)


def flatten(items):
    for item in items:
        if isinstance(item, Iterable) and not isinstance(item, (str, bytes)):
            yield from flatten(item)
        else:
            yield item


print(list(flatten([1, [2, (3, [4])], "five", {6: "six"}, registry])))
