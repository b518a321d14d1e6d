# Modelled on multiprocessing docs: Value and Array shared between processes.
from multiprocessing import Process, Value, Array, Lock


def f(n, a, lock):
    with lock:
        n.value += 1.5
    for i in range(len(a)):
        a[i] = -a[i]


if __name__ == "__main__":
    num = Value("d", 0.0)
    arr = Array("i", range(5))
    lock = Lock()
    ps = [Process(target=f, args=(num, arr, lock)) for _ in range(2)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(num.value)
    print(arr[:])
