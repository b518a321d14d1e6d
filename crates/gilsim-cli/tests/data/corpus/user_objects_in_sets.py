# Modelled on examples that share user-defined value objects (with __eq__, __hash__,
# __repr__, __lt__) between threads and deduplicate them in a set.
import threading


class Item:
    def __init__(self, key, qty):
        self.key = key
        self.qty = qty

    def __eq__(self, other):
        return isinstance(other, Item) and self.key == other.key

    def __hash__(self):
        return hash(self.key)

    def __lt__(self, other):
        return self.key < other.key

    def __repr__(self):
        return "Item(%r, %d)" % (self.key, self.qty)


seen = set()
lock = threading.Lock()


def add(items):
    for it in items:
        with lock:
            seen.add(it)


t1 = threading.Thread(target=add, args=([Item("a", 1), Item("b", 2)],))
t2 = threading.Thread(target=add, args=([Item("b", 3), Item("c", 4)],))
t1.start()
t1.join()
t2.start()
t2.join()
print(sorted(seen))
print(Item("a", 9) in seen, len(seen))
