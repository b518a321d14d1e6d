# Modelled on order-book examples with dataclasses, sorting and a lock.
import threading
from dataclasses import dataclass, field
from typing import List


@dataclass(order=True)
class Order:
    price: float
    qty: int
    trader: str = field(compare=False)


@dataclass
class Book:
    orders: List[Order] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, order):
        with self.lock:
            self.orders.append(order)

    def best(self, n):
        with self.lock:
            return sorted(self.orders, reverse=True)[:n]


book = Book()


def trader(name, prices):
    for p in prices:
        book.add(Order(p, int(p) % 7 + 1, name))


threads = [threading.Thread(target=trader, args=(n, ps)) for n, ps in [("ann", [101.5, 99.0]), ("ben", [100.25, 102.0]), ("cat", [98.5, 101.5])]]
for t in threads:
    t.start()
for t in threads:
    t.join()
for o in book.best(3):
    print(o)
print(len(book.orders), Order(1.0, 2, "x") == Order(1.0, 2, "y"))
