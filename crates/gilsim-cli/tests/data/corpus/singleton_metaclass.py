# Modelled on public "thread-safe singleton" examples: a metaclass with double-checked locking.
import threading


class SingletonMeta(type):
    _instances = {}
    _lock = threading.Lock()

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            with cls._lock:
                if cls not in cls._instances:
                    cls._instances[cls] = super(SingletonMeta, cls).__call__(*args, **kwargs)
        return cls._instances[cls]


class Config(metaclass=SingletonMeta):
    def __init__(self, name="default"):
        self.name = name
        print("Config created:", name)


seen = []


def grab(i):
    seen.append(id(Config("worker-%d" % i)))


threads = [threading.Thread(target=grab, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(set(seen)), "distinct instance(s)")
print(Config().name)
print(type(Config).__name__, isinstance(Config, SingletonMeta))
