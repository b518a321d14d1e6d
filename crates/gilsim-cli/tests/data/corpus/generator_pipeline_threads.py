# Modelled on public examples feeding a generator pipeline's output to worker threads.
import threading


def numbers(n):
    for i in range(n):
        yield i


def squares(seq):
    for x in seq:
        yield x * x


def evens(seq):
    return (x for x in seq if x % 2 == 0)


results = []
lock = threading.Lock()
source = evens(squares(numbers(20)))
source_lock = threading.Lock()


def consume():
    while True:
        with source_lock:
            try:
                value = next(source)
            except StopIteration:
                return
        with lock:
            results.append(value)


ts = [threading.Thread(target=consume) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results), len(results))
