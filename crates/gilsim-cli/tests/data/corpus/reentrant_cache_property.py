# Modelled on lazily computed, lock-protected properties (functools.cached_property-like).
import functools
import threading


class Settings:
    def __init__(self):
        self._lock = threading.RLock()
        self._loaded = None
        self.loads = 0

    @property
    def values(self):
        with self._lock:
            if self._loaded is None:
                self.loads += 1
                self._loaded = {"retries": 3, "timeout": 1.5}
            return self._loaded

    @functools.lru_cache(maxsize=None)
    def scaled(self, factor):
        return {k: v * factor for k, v in self.values.items()}


s = Settings()
out = []
threads = [threading.Thread(target=lambda: out.append(s.values["retries"])) for _ in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(out, s.loads, s.scaled(2), s.scaled.cache_info().hits >= 0)
