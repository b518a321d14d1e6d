# Shared memory (Array, Value with its lock) written by four processes, and the reprs and
# errors of multiprocessing's locks.
import multiprocessing
import time
def fill(arr, v, i):
    arr[i] = i * 10
    with v.get_lock():
        v.value += 1.5
if __name__ == "__main__":
    arr = multiprocessing.Array('i', 4)
    v = multiprocessing.Value('d', 0)
    ps = [multiprocessing.Process(target=fill, args=(arr, v, i)) for i in range(4)]
    for p in ps: p.start()
    for p in ps: p.join()
    print(arr[:], list(arr), len(arr), v.value, v)
    r = multiprocessing.RLock(); r.acquire(); r.acquire(); print(r); r.release(); r.release(); print(r)
    s = multiprocessing.BoundedSemaphore(1)
    try:
        s.release()
    except ValueError as e:
        print("ValueError", e)
    # A Barrier across processes: nobody passes until all three arrive.
    barrier = multiprocessing.Barrier(3)
    passed = multiprocessing.Value("i", 0)

    def arrive(delay):
        time.sleep(delay)
        barrier.wait()
        with passed.get_lock():
            passed.value += 1

    ps = [multiprocessing.Process(target=arrive, args=(0.01 * i,)) for i in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("passed the barrier:", passed.value, "broken:", barrier.broken, barrier.parties)
