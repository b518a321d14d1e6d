# Modelled on public dataclass examples: an inventory with a lock and default_factory fields.
from dataclasses import dataclass, field
import threading


@dataclass
class Inventory:
    items: dict = field(default_factory=dict)
    log: list = field(default_factory=list, repr=False)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(self, name, qty):
        with self.lock:
            self.items[name] = self.items.get(name, 0) + qty
            self.log.append(("add", name, qty))

    def remove(self, name, qty):
        with self.lock:
            if self.items.get(name, 0) < qty:
                return False
            self.items[name] -= qty
            self.log.append(("remove", name, qty))
            return True


inv = Inventory()
ops = [("add", "apple", 5), ("add", "pear", 2), ("remove", "apple", 3), ("add", "apple", 1)]


def run(op):
    kind, name, qty = op
    getattr(inv, kind)(name, qty)


threads = [threading.Thread(target=run, args=(op,)) for op in ops]
for t in threads:
    t.start()
    t.join()
print(inv)
print(len(inv.log), inv == Inventory({"apple": 3, "pear": 2}))
