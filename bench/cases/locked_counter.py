# Benchmark case: 4 threads × 10^5 `with lock:` updates of a shared counter (python-semantics
# F4). Prints 400000.
import threading

total = 0
lock = threading.Lock()


def work():
    global total
    for _ in range(100000):
        with lock:
            total += 1


threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(total)
