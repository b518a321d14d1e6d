# Seed case 16: Semaphore(3) lets at most three of eight threads hold the resource at once.
# Each holder prints five lines, keeps the permit for 15 s, then releases it; the next three
# waiters enter in the order they blocked (FIFO under the default fair policy).
# gilsim: expect=ok
import threading
import time

permits = threading.Semaphore(3)


def use_resource():
    if permits.acquire():
        for i in range(5):
            print(threading.current_thread().name, "holds a permit")
        time.sleep(15)
        permits.release()
        print(threading.current_thread().name, "released its permit")


for i in range(8):
    threading.Thread(target=use_resource).start()
