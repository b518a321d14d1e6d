# F14 Timer cancel, F15 Barrier indices by arrival, action in the last arriver, timeout breaks.
# gilsim: expect=ok
import threading
import time

ran = []
t = threading.Timer(0.05, lambda: ran.append(1))
t.start()
t.cancel()
t.join()
print("timer ran:", ran, "finished:", t.finished.is_set())

order = []
barrier = threading.Barrier(3, action=lambda: order.append("action by " + threading.current_thread().name))
indices = {}


def arrive(name, delay):
    time.sleep(delay)
    indices[name] = barrier.wait()
    order.append("released " + name)


threads = [threading.Thread(target=arrive, args=(n, d), name=n) for n, d in (("T0", 0.1), ("T1", 0.2), ("T2", 0))]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(sorted(indices.items()), order[0])
b = threading.Barrier(2, timeout=0.05)
try:
    b.wait()
except threading.BrokenBarrierError as e:
    print("BrokenBarrierError", repr(str(e)), b.broken)
b.reset()
print(b.broken)
