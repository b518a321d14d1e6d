# Modelled on shared-memory Value/Array examples with a lock.
from multiprocessing import Process, Value, Array, Lock


def add(counter, arr, lock, i):
    for _ in range(100):
        with lock:
            counter.value += 1
    arr[i] = i * i


if __name__ == "__main__":
    lock = Lock()
    counter = Value("i", 0)
    arr = Array("d", 4)
    ps = [Process(target=add, args=(counter, arr, lock, i)) for i in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(counter.value, arr[:])
