# Two processes add 3 each to a shared value without a lock (a RawValue: a Value's own
# `value` takes its lock for the read and again for the write); the assertion fails only when
# one's read and write straddle the other's.
import multiprocessing


def bump(counter, n):
    for _ in range(n):
        counter.value += 1


if __name__ == "__main__":
    counter = multiprocessing.RawValue("i", 0)
    workers = [multiprocessing.Process(target=bump, args=(counter, 3)) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert counter.value == 6, counter.value
    print("counter:", counter.value)
