# Modelled on multiprocessing.Pipe tutorials, with exit codes of SystemExit and crashes.
import multiprocessing as mp
import sys


def child(conn, n):
    conn.send([i * i for i in range(n)])
    msg = conn.recv()
    conn.send(msg.upper())
    conn.close()


def failing():
    raise SystemExit(3)


def crashing():
    raise ValueError("boom")


def init_worker(tag):
    global TAG
    TAG = tag


def tagged(x):
    return f"{TAG}:{x}"


if __name__ == "__main__":
    parent, kid = mp.Pipe()
    p = mp.Process(target=child, args=(kid, 4), name="piper")
    p.start()
    print(parent.recv())
    parent.send("hello")
    print(parent.recv())
    p.join()
    print(p.name, p.exitcode, p.is_alive())
    f = mp.Process(target=failing)
    f.start(); f.join()
    print("exitcode", f.exitcode)
    c = mp.Process(target=crashing)
    c.start(); c.join()
    print("crash exitcode", c.exitcode)
    with mp.Pool(2, initializer=init_worker, initargs=("T",)) as pool:
        print(pool.map(tagged, range(4)))
    print(mp.current_process().name)
    q = mp.Queue()
    q.put({"a": (1, 2)})
    print(q.get(timeout=1))
    a, b = mp.Pipe(duplex=False)
    b.send("one-way")
    print(a.poll(0.1), a.recv(), a.poll(0))
