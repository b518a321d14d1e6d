# Lazy initialisation without a lock: two threads can both see `_instance is None` and
# both build one. Fails on an assertion.
# Bench: runs to the first failure (bench/find.sh).
import threading

_instance = None
created = []


class Config:
    def __init__(self):
        created.append(self)
        self.values = {"mode": "fast"}


def get_config():
    global _instance
    if _instance is None:
        _instance = Config()
    return _instance


def worker():
    cfg = get_config()
    assert cfg.values["mode"] == "fast"


threads = [threading.Thread(target=worker) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
assert len(created) == 1, len(created)
