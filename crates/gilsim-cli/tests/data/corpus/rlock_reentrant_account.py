# Modelled on RLock examples where a method holding the lock calls another that takes it.
import threading


class Inventory:
    def __init__(self):
        self.lock = threading.RLock()
        self.items = {}

    def add(self, name, qty):
        with self.lock:
            self.items[name] = self.items.get(name, 0) + qty
            return self.items[name]

    def add_many(self, pairs):
        with self.lock:
            return [self.add(n, q) for n, q in pairs]

    def transfer(self, other, name, qty):
        with self.lock, other.lock:
            self.items[name] -= qty
            other.add(name, qty)


a, b = Inventory(), Inventory()
print(a.add_many([("bolt", 5), ("nut", 3), ("bolt", 2)]))
threads = [threading.Thread(target=a.transfer, args=(b, "bolt", 1)) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(a.items, b.items)
print(repr(a.lock).split(" owner")[0].startswith("<unlocked _thread.RLock object"))
