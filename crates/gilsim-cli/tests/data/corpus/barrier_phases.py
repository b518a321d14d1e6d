# Modelled on the threading.Barrier examples (docs, PyMOTW "threading_barrier").
import threading

barrier = threading.Barrier(3, action=lambda: print("all three arrived"))
order = []
lock = threading.Lock()


def runner(name):
    for phase in range(2):
        with lock:
            order.append((phase, name))
        index = barrier.wait()
        if index == 0:
            with lock:
                order.append((phase, "released"))


threads = [threading.Thread(target=runner, args=(n,)) for n in "abc"]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(x for x in order if x[1] != "released"))
print(sum(1 for x in order if x[1] == "released"), "releases")
print("broken:", barrier.broken, "waiting:", barrier.n_waiting)
