# A thread that looks at a lock without taking it (locked(), a non-blocking acquire) sees a
# different answer depending on where the other thread is.
import threading

gate = threading.Lock()


def holder():
    with gate:
        for _ in range(2):
            pass


def looker():
    print("locked" if gate.locked() else "free")
    if gate.acquire(blocking=False):
        print("got it")
        gate.release()
    else:
        print("busy")


workers = [threading.Thread(target=holder), threading.Thread(target=looker)]
for w in workers:
    w.start()
for w in workers:
    w.join()
