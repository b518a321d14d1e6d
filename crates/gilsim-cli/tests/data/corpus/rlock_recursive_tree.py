# Modelled on public RLock examples: a recursive structure walked under one reentrant lock.
import threading


class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)


class Tree:
    def __init__(self, root):
        self.root = root
        self.lock = threading.RLock()

    def total(self, node=None):
        with self.lock:
            node = node or self.root
            return node.value + sum(self.total(c) for c in node.children)

    def add(self, parent_value, value, node=None):
        with self.lock:
            node = node or self.root
            if node.value == parent_value:
                node.children.append(Node(value))
                return True
            return any(self.add(parent_value, value, c) for c in node.children)


tree = Tree(Node(1, [Node(2, [Node(4)]), Node(3)]))


def grow(k):
    for i in range(3):
        tree.add(4, k * 10 + i)


ts = [threading.Thread(target=grow, args=(k,)) for k in range(1, 4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(tree.total())
print(sorted(c.value for c in tree.root.children[0].children[0].children))
print(repr(tree.lock).split(" object")[0])
