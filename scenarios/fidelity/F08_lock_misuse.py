# F8: releasing an unlocked Lock / an un-acquired RLock; a Lock released by another thread.
# gilsim: expect=ok
import threading

try:
    threading.Lock().release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.RLock().release()
except RuntimeError as e:
    print("RuntimeError:", e)
held = threading.RLock()
held.acquire()


def foreign_release():
    try:
        held.release()
    except RuntimeError as e:
        print("RuntimeError from another thread:", e)


t = threading.Thread(target=foreign_release)
t.start()
t.join()
plain = threading.Lock()
plain.acquire()
t = threading.Thread(target=plain.release)
t.start()
t.join()
print("Lock released by another thread; locked:", plain.locked())
