# gilsim: expect=ok
# A monitor thread logs the state of shared structures with reprlib, as long-running
# services do to keep log lines short: the default limits on lists, strings, ints, dicts,
# sets, deques and arrays, nesting cut at the level limit, a Repr with its own limits, a
# failing __repr__, and recursive_repr on a structure that contains itself.
import reprlib
import threading
from array import array
from collections import deque


class Tree:
    def __init__(self, name):
        self.name = name
        self.children = []

    @reprlib.recursive_repr()
    def __repr__(self):
        return "Tree(%s, %r)" % (self.name, self.children)


class Bad:
    def __repr__(self):
        raise ValueError("no repr")


state = {
    "queue": deque(range(10)),
    "seen": set(range(20)),
    "log": "x" * 100,
    "big": 2 ** 200,
    "table": {i: str(i) for i in range(10)},
}
lines = []
ready = threading.Event()


def monitor():
    ready.wait()
    for key in sorted(state):
        lines.append("%s=%s" % (key, reprlib.repr(state[key])))


t = threading.Thread(target=monitor)
t.start()
state["samples"] = array("i", range(10))
ready.set()
t.join()
print("\n".join(lines))

tree = Tree("root")
tree.children.append(tree)
tree.children.append(Tree("leaf"))
print(tree, Tree.__repr__.__name__, hasattr(Tree.__repr__, "__wrapped__"))
print(reprlib.repr(list(range(100))), reprlib.repr(tuple(range(3))), reprlib.repr((1,)))
print(reprlib.repr([[[[[[[1]]]]]]]), reprlib.repr({"a": {"b": {"c": {"d": {"e": {"f": {}}}}}}}))
print(reprlib.repr(frozenset("abcdefgh")), reprlib.repr(array("d")), reprlib.repr(set()), reprlib.repr({}))
print(reprlib.repr([set([1]), frozenset([2]), {3: 4}, (5,), [6]]))
print(reprlib.repr(Bad())[:14])
custom = reprlib.Repr()
custom.maxlist = 2
custom.maxstring = 10
print(custom.repr(list(range(5))), custom.repr("abcdefghijklmnop"), getattr(custom, "fillvalue", "no fillvalue"))
