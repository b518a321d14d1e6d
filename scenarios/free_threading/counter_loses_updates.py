# gilsim: expect=lost-update python=3.13t
# Free-threaded CPython (3.13t): two threads add to one global without a lock. With a GIL and
# 3.11's switch points this loop never loses an update in a run this short; without a GIL the
# threads run on two cores at once, and between one thread's read of `hits` and its write the
# other writes: `+=` on a global (or an attribute) is several instructions, and nothing makes
# them atomic any more.
import sys
import threading

hits = 0


def visit(times):
    global hits
    for _ in range(times):
        hits += 1


workers = [threading.Thread(target=visit, args=(2000,)) for _ in range(2)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print("GIL enabled:", sys._is_gil_enabled())
print("hits:", hits, "of", 2 * 2000)
