# Modelled on examples that stamp log lines with time.strftime and elapsed perf_counter.
import threading
import time

lines = []


def job(n):
    t0 = time.perf_counter()
    time.sleep(0.01 * n)
    elapsed = time.perf_counter() - t0
    lines.append((n, elapsed >= 0.01 * n))


threads = [threading.Thread(target=job, args=(i,)) for i in range(1, 4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(lines), len(time.strftime("%Y-%m-%d %H:%M:%S")), time.strftime("%H", time.gmtime(3600)))
