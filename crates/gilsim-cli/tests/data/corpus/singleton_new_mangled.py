# Modelled on public double-checked-locking singletons using __new__ and name-mangled attributes.
import threading
import time


class Registry(object):
    __instance = None
    __lock = threading.Lock()

    def __new__(cls, *args, **kwargs):
        if not cls.__instance:
            with cls.__lock:
                if not cls.__instance:
                    time.sleep(0.01)
                    cls.__instance = super(Registry, cls).__new__(cls)
                    cls.__instance.items = []
        return cls.__instance

    def add(self, item):
        self.items.append(item)


def register(n):
    Registry().add(n)


ts = [threading.Thread(target=register, args=(n,)) for n in range(6)]
[t.start() for t in ts]
[t.join() for t in ts]
r = Registry()
print(sorted(r.items))
print(r is Registry(), hasattr(Registry, "_Registry__instance"))
print(Registry.__dict__.get("_Registry__instance") is r)
