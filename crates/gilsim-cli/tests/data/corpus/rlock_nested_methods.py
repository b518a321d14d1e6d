# Modelled on RLock tutorials: a class whose locked methods call each other.
import threading


class Box:
    def __init__(self):
        self.lock = threading.RLock()
        self.total_items = 0

    def execute(self, value):
        with self.lock:
            self.total_items += value

    def add(self):
        with self.lock:
            self.execute(1)

    def remove(self):
        with self.lock:
            self.execute(-1)


def adder(box, items):
    while items:
        box.add()
        items -= 1


def remover(box, items):
    while items:
        box.remove()
        items -= 1


box = Box()
t1 = threading.Thread(target=adder, args=(box, 10))
t2 = threading.Thread(target=remover, args=(box, 5))
t1.start()
t2.start()
t1.join()
t2.join()
print("items left:", box.total_items)
print(repr(box.lock).split(" ")[0].lstrip("<"))
