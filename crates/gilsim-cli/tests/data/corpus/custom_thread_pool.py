# Modelled on "write your own thread pool" tutorials: worker threads take (function, args)
# from a queue until a None sentinel, and store results by task id.
import queue
import threading


class ThreadPool:
    def __init__(self, size):
        self.tasks = queue.Queue()
        self.results = {}
        self.lock = threading.Lock()
        self.workers = [threading.Thread(target=self._work, name="pool-%d" % i) for i in range(size)]
        for w in self.workers:
            w.start()

    def _work(self):
        while True:
            task = self.tasks.get()
            if task is None:
                self.tasks.task_done()
                break
            task_id, func, args = task
            try:
                value = func(*args)
            except Exception as e:
                value = "error: %r" % e
            with self.lock:
                self.results[task_id] = value
            self.tasks.task_done()

    def submit(self, task_id, func, *args):
        self.tasks.put((task_id, func, args))

    def close(self):
        for _ in self.workers:
            self.tasks.put(None)
        self.tasks.join()
        for w in self.workers:
            w.join()


def square(x):
    return x * x


pool = ThreadPool(3)
for i in range(8):
    pool.submit(i, square, i)
pool.submit("bad", lambda: 1 / 0)
pool.close()
print(sorted((k, v) for k, v in pool.results.items() if k != "bad"), pool.results["bad"])
