# Modelled on modern tutorials using f-string debugging and format specs
import threading

total = 0
lock = threading.Lock()

def add(n):
    global total
    for i in range(n):
        with lock:
            total += i

workers = [threading.Thread(target=add, args=(n,)) for n in (100, 200, 300)]
for w in workers: w.start()
for w in workers: w.join()
print(f"{total=}")
print(f"{total = :,}")
print(f"{len(workers)=} {workers[0].name!r:>12}")
ratio = total / 3
print(f"{ratio=:.2f} {ratio:e} {ratio:%} {int(ratio):08b}")
print(f"{'centre':^12}|{'left':<8}|{'right':>8}|")
