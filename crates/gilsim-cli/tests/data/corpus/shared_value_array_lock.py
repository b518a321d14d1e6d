# Modelled on multiprocessing.Value and Array examples guarded by a Lock.
from multiprocessing import Process, Value, Array, Lock

def add(counter, arr, lock, n):
    for _ in range(n):
        with lock:
            counter.value += 1
    # `+=` on an Array item is a read and a write: without the lock, processes lose updates.
    with lock:
        arr[0] += 0.5

if __name__ == "__main__":
    counter = Value("i", 0)
    arr = Array("d", [0.0, 1.0, 2.0])
    lock = Lock()
    procs = [Process(target=add, args=(counter, arr, lock, 50)) for _ in range(4)]
    for p in procs: p.start()
    for p in procs: p.join()
    print(counter.value, arr[:], len(arr))
