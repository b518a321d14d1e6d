# gilsim: expect=lost-update
# multiprocessing.Value lives in shared memory, but `counter.value += 1` is a read and a
# write without its lock: an increment another process makes in between is lost. The
# locked counter is always right. CPython loses a few hundred here, varying from run to
# run; in gilsim the cores' clocks drift within a window, so which process reads first
# is a decision of the seed and every seed loses some (docs/processes.md).
import multiprocessing


def bump(counter, safe, n):
    for _ in range(n):
        counter.value += 1
        with safe.get_lock():
            safe.value += 1


if __name__ == "__main__":
    counter = multiprocessing.Value("i", 0)
    safe = multiprocessing.Value("i", 0)
    workers = [multiprocessing.Process(target=bump, args=(counter, safe, 2000)) for _ in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print("locked counter:", safe.value)
    print("unlocked counter:", counter.value)
