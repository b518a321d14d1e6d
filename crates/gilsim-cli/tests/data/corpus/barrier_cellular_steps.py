# Modelled on lock-step simulations that use a Barrier twice per step.
import threading

N = 4
values = [1, 2, 3, 4]
next_values = [0] * N
barrier = threading.Barrier(N)
history = []

def cell(i):
    for step in range(3):
        left = values[(i - 1) % N]
        right = values[(i + 1) % N]
        next_values[i] = left + right
        if barrier.wait() == 0:
            values[:] = next_values
            history.append(list(values))
        barrier.wait()

threads = [threading.Thread(target=cell, args=(i,)) for i in range(N)]
for t in threads: t.start()
for t in threads: t.join()
for row in history:
    print(row)
