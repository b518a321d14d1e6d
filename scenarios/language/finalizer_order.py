# The order `__del__` runs in when several objects die at once, as CPython frees them: a
# returning frame's locals first to last; a list's and a tuple's items last to first (when it
# is freed, cleared or has a slice replaced); a dict's values in insertion order; and an
# object that dies inside a `__del__` finalized inside it, before that `__del__` goes on.
# gilsim: expect=ok
import threading


class Noisy:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def __del__(self):
        if self.child is not None:
            self.child = None
        print("freed", self.name)


def locals_die_in_order():
    first = Noisy("first local")
    second = Noisy("second local")
    third = Noisy("third local")
    return "returned"


print(locals_die_in_order())


items = [Noisy("list item 1"), Noisy("list item 2"), Noisy("list item 3")]
items = None
print("-- tuple")
pair = (Noisy("tuple item 1"), Noisy("tuple item 2"))
pair = None
print("-- dict")
table = {"x": Noisy("dict value x"), "y": Noisy("dict value y")}
table = None
print("-- slices and clear")
row = [Noisy("row 1"), Noisy("row 2"), Noisy("row 3"), Noisy("row 4")]
row[0:2] = []
del row[:]
column = [Noisy("column 1"), Noisy("column 2")]
column.clear()
print("-- nested")
parent = Noisy("parent", Noisy("child", Noisy("grandchild")))
sibling = Noisy("sibling")
both = [parent, sibling]
parent = sibling = None
both = None
print("-- loop")


def leave_mid_loop():
    local = Noisy("loop local")
    for item in [Noisy("loop item")]:
        return local.name + " / " + item.name


print(leave_mid_loop())


def worker():
    own = Noisy("worker local")
    other = Noisy("worker second")


thread = threading.Thread(target=worker)
thread.start()
thread.join()
print("end")
