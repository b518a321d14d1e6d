# Modelled on multiprocessing tutorials: a Process subclass reporting through a Queue, Pool with an initializer, imap/starmap/apply_async, Pipe, shared_memory, Value/Array and a Manager.
import multiprocessing as mp
import os
import queue
import time
from multiprocessing import shared_memory
import ctypes


class Worker(mp.Process):
    def __init__(self, q, n):
        super().__init__(name="Worker-%d" % n)
        self.q = q
        self.n = n

    def run(self):
        total = sum(i * i for i in range(self.n))
        self.q.put((self.name, total))
        if self.n == 3:
            raise SystemExit(3)


def square(x):
    return x * x


def init(tag):
    global TAG
    TAG = tag


def tagged(x):
    return "%s%d" % (TAG, x)


def fill(shm_name, n):
    shm = shared_memory.SharedMemory(name=shm_name)
    for i in range(n):
        shm.buf[i] = i * 2
    shm.close()


if __name__ == "__main__":
    q = mp.Queue()
    ws = [Worker(q, n) for n in (3, 5, 7)]
    for w in ws:
        w.start()
    got = sorted(q.get() for _ in ws)
    for w in ws:
        w.join()
    print(got, [w.exitcode for w in ws], [w.is_alive() for w in ws])
    try:
        q.get(timeout=0.1)
    except queue.Empty:
        print("empty")
    with mp.Pool(2, initializer=init, initargs=("t",)) as pool:
        print(pool.map(tagged, range(4)))
        print(list(pool.imap(square, range(6), chunksize=2)))
        print(sorted(pool.imap_unordered(square, range(5))))
        print(pool.starmap(pow, [(2, 5), (3, 3)]))
        r = pool.apply_async(square, (9,))
        print(r.get(timeout=5), r.ready(), r.successful())
    a, b = mp.Pipe()
    a.send({"k": [1, 2]})
    print(b.recv(), b.poll(), a.poll())
    b.send_bytes(b"raw")
    print(a.recv_bytes())
    shm = shared_memory.SharedMemory(create=True, size=8)
    p = mp.Process(target=fill, args=(shm.name, 8))
    p.start()
    p.join()
    print(bytes(shm.buf[:8]), shm.size)
    shm.close()
    shm.unlink()
    v = mp.Value(ctypes.c_double, 1.5)
    arr = mp.Array("i", [1, 2, 3])
    with v.get_lock():
        v.value *= 2
    print(v.value, arr[:], len(arr), mp.current_process().name)
    m = mp.Manager()
    d = m.dict()
    lst = m.list([1])
    d["x"] = 1
    lst.append(2)
    print(dict(d), list(lst))
    m.shutdown()
