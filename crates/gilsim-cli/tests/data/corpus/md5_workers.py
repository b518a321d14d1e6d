# Modelled on public hashing-worker examples (queue of words, md5 per word, lock around the table).
import hashlib
import threading
from queue import Queue

words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]
q = Queue()
table = {}
lock = threading.Lock()


def consumer():
    while True:
        w = q.get()
        if w is None:
            q.task_done()
            break
        digest = hashlib.md5(w.encode("utf-8")).hexdigest()
        with lock:
            table[w] = digest
        q.task_done()


workers = [threading.Thread(target=consumer) for _ in range(3)]
for t in workers:
    t.start()
for w in words:
    q.put(w)
for _ in workers:
    q.put(None)
q.join()
for w in sorted(table):
    print(w, table[w])
print(hashlib.sha256(b"gilsim").hexdigest())
