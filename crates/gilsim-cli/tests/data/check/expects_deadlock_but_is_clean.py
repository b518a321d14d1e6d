# gilsim: expect=deadlock runs=20
# Claims a deadlock, but both threads take the locks in the same order.
import threading

a = threading.Lock()
b = threading.Lock()


def worker():
    with a:
        with b:
            pass


threads = [threading.Thread(target=worker) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
