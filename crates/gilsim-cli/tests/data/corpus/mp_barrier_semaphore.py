# Modelled on the multiprocessing docs' synchronization primitives: a Barrier of three processes, a Semaphore, a locked Value and an Array.
import multiprocessing as mp


def worker(barrier, sem, counter, i):
    with sem:
        with counter.get_lock():
            counter.value += i
    idx = barrier.wait()
    return idx


def run(barrier, sem, counter, i):
    worker(barrier, sem, counter, i)


if __name__ == "__main__":
    barrier = mp.Barrier(3)
    sem = mp.Semaphore(2)
    counter = mp.Value("i", 0)
    ps = [mp.Process(target=run, args=(barrier, sem, counter, i)) for i in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(counter.value, barrier.parties, barrier.n_waiting, barrier.broken)
    print(type(sem).__name__, sem.get_value() if hasattr(sem, "get_value") else "n/a")
    arr = mp.Array("i", [1, 2, 3])
    with arr.get_lock():
        arr[0] = 10
    print(arr[:], list(arr), arr._length_ if hasattr(arr, "_length_") else len(arr))
