# Modelled on public multiprocessing tours: Pool map/starmap/imap/apply_async with an initializer, Value with get_lock, Array, a Queue producer, a Manager dict and list.
import multiprocessing as mp
import os

def square(x):
    return x * x

def add(a, b):
    return a + b

def init(tag):
    global TAG
    TAG = tag

def tagged(x):
    return f"{TAG}-{x}"

if __name__ == "__main__":
    with mp.Pool(processes=2) as pool:
        print(pool.map(square, range(6)))
        print(pool.starmap(add, [(1, 2), (3, 4)]))
        print(sorted(pool.imap_unordered(square, range(4))))
        print(list(pool.imap(square, range(3), chunksize=2)))
        r = pool.apply_async(add, (5, 6), callback=lambda v: print("callback got", v))
        print(r.get(timeout=5), r.ready(), r.successful())
    with mp.Pool(2, initializer=init, initargs=("w",)) as pool:
        print(pool.map(tagged, [1, 2]))
    counter = mp.Value("i", 0)
    def bump(c, n):
        for _ in range(n):
            with c.get_lock():
                c.value += 1
    procs = [mp.Process(target=bump, args=(counter, 50)) for _ in range(3)]
    for p in procs: p.start()
    for p in procs: p.join()
    print(counter.value, [p.exitcode for p in procs])
    arr = mp.Array("d", [0.5, 1.5])
    print(arr[:], len(arr))
    q = mp.Queue()
    def producer(q):
        for i in range(3):
            q.put((os.getpid() != 0, i))
        q.put(None)
    p = mp.Process(target=producer, args=(q,), name="prod")
    p.start()
    items = []
    while (item := q.get()) is not None:
        items.append(item)
    p.join()
    print(items, p.name, p.is_alive())
    with mp.Manager() as m:
        d = m.dict()
        l = m.list([1])
        def fill(d, l, k):
            d[k] = k * 2
            l.append(k)
        ps = [mp.Process(target=fill, args=(d, l, k)) for k in range(3)]
        for p in ps: p.start()
        for p in ps: p.join()
        print(sorted(d.items()), sorted(l))
    print(mp.cpu_count() > 0, mp.current_process().name)
