# Modelled on RLock examples where a recursive method re-enters the lock it holds.
import threading

class Tree:
    def __init__(self):
        self.lock = threading.RLock()
        self.children = {}
        self.visits = 0

    def add(self, path):
        with self.lock:
            node = self.children
            for part in path.split("/"):
                node = node.setdefault(part, {})

    def count(self, node=None):
        with self.lock:
            self.visits += 1
            node = self.children if node is None else node
            return 1 + sum(self.count(child) for child in node.values())

tree = Tree()
paths = ["usr/bin", "usr/lib/python", "etc", "usr/lib/gcc", "var/log"]
threads = [threading.Thread(target=tree.add, args=(p,)) for p in paths]
for t in threads: t.start()
for t in threads: t.join()
print(tree.count(), tree.visits, sorted(tree.children))
