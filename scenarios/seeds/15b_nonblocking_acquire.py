# Lock misuse and non-blocking acquires: acquire(False) on a held lock returns False at once;
# releasing an unlocked Lock raises RuntimeError; a Lock may be released by another thread.
# gilsim: expect=ok
import threading

lock = threading.Lock()
print("first acquire:", lock.acquire())
print("non-blocking second acquire:", lock.acquire(False))
print("timed acquire:", lock.acquire(timeout=0.5))


def release_it():
    lock.release()
    print("released by", threading.current_thread().name)


t = threading.Thread(target=release_it)
t.start()
t.join()
print("locked after foreign release:", lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    lock.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
