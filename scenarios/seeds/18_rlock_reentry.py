# Seed case 18: five Thread subclasses each take an RLock, take it again while holding it
# (re-entry by the owner does not block, it raises the recursion level), and release it
# twice. With a plain Lock the second acquire would block forever.
# The five threads wake from sleep(1) at the same instant, so the order they take the lock in
# is the scheduler's choice (FIFO of wake-ups under fair; CPython: up to the OS).
# gilsim: expect=ok
import threading
import time


class Worker(threading.Thread):
    def run(self):
        global counter
        time.sleep(1)
        if guard.acquire(1):
            counter = counter + 1
            print(self.name + " set counter to " + str(counter))
            guard.acquire()
            print(self.name + " re-entered the lock without blocking")
            guard.release()
            guard.release()


counter = 0
guard = threading.RLock()

if __name__ == "__main__":
    for i in range(5):
        Worker().start()
