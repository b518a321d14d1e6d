# Three stages each hold their own lock while taking the next stage's: a cycle of three
# threads (a deadlock).
# Bench: runs to the first failure (bench/find.sh).
import threading


class Stage:
    def __init__(self, name):
        self.name = name
        self.lock = threading.Lock()
        self.items = []

    def hand_to(self, other, item):
        with self.lock:
            self.items.append(item)
            with other.lock:
                other.items.append(self.items.pop())


a, b, c = Stage("a"), Stage("b"), Stage("c")
threads = [
    threading.Thread(target=a.hand_to, args=(b, 1)),
    threading.Thread(target=b.hand_to, args=(c, 2)),
    threading.Thread(target=c.hand_to, args=(a, 3)),
]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(a.items) + len(b.items) + len(c.items))
