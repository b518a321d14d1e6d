# Modelled on public examples of a Thread subclass meeting at a threading.Barrier with an action, and a Barrier that times out.
import threading, time

class Worker(threading.Thread):
    def __init__(self, n, barrier, results):
        super().__init__(name=f"worker-{n}")
        self.n = n
        self.barrier = barrier
        self.results = results

    def run(self):
        idx = self.barrier.wait()
        with lock:
            self.results.append((self.name, self.n * self.n))
        if idx == 0:
            print("last through the barrier among", self.barrier.parties)

lock = threading.RLock()
barrier = threading.Barrier(3, action=lambda: print("all arrived"))
results = []
ws = [Worker(i, barrier, results) for i in range(3)]
for w in ws:
    w.start()
for w in ws:
    w.join()
print(sorted(results))
print(barrier.broken, barrier.n_waiting)
b2 = threading.Barrier(2, timeout=0.05)
try:
    b2.wait()
except threading.BrokenBarrierError as e:
    print("broken", repr(e), b2.broken)
print(threading.active_count(), threading.current_thread().name, [t.name for t in threading.enumerate()])
