# gilsim: expect=possible-race
# A possible lost update: two threads count page hits in a shared dict without a lock. Under
# 3.10+ a switch never lands inside `hits[page] += 1`, so this run counts right (2000), but
# nothing orders the two threads' updates: another version or a free-threaded build can lose
# some. gilsim warns (exit status 0; 1 with --strict).
import threading

hits = {"home": 0}


def browse():
    for _ in range(1000):
        hits["home"] += 1


visitors = [threading.Thread(target=browse) for _ in range(2)]
for v in visitors:
    v.start()
for v in visitors:
    v.join()
print("hits:", hits["home"])
