# Modelled on hand-written thread pools: a Queue of callables and poison pills.
import queue
import threading


class ThreadPool:
    def __init__(self, n):
        self.tasks = queue.Queue()
        self.results = queue.Queue()
        self.workers = [threading.Thread(target=self._work, name="pool-%d" % i) for i in range(n)]
        for w in self.workers:
            w.start()

    def _work(self):
        while True:
            task = self.tasks.get()
            if task is None:
                self.tasks.task_done()
                break
            func, args = task
            try:
                self.results.put((args, func(*args)))
            except Exception as e:
                self.results.put((args, "error: %r" % e))
            finally:
                self.tasks.task_done()

    def submit(self, func, *args):
        self.tasks.put((func, args))

    def close(self):
        for _ in self.workers:
            self.tasks.put(None)
        self.tasks.join()
        for w in self.workers:
            w.join()


def divide(a, b):
    return a / b


pool = ThreadPool(3)
for a, b in [(10, 2), (9, 3), (1, 0), (7, 7), (5, 4)]:
    pool.submit(divide, a, b)
pool.close()
collected = []
while not pool.results.empty():
    collected.append(pool.results.get())
for args, result in sorted(collected):
    print(args, "->", result)
print("alive:", sum(w.is_alive() for w in pool.workers))
