# gilsim: expect=ok
# A parent and a worker process talking over a Pipe in raw bytes, as framing protocols do:
# send_bytes with an offset and size, recv_bytes with a maxlength, recv_bytes_into a
# preallocated buffer (BufferTooShort when it is too small), and the two ways crossing:
# recv() unpickles bytes a peer sent raw, recv_bytes() returns the pickle of an object sent
# with send(). A message over maxlength is "bad message length": a duplex end stops reading.
import multiprocessing as mp
import pickle


def worker(conn):
    request = conn.recv_bytes()
    conn.send_bytes(request.upper())
    conn.send_bytes(b"0123456789", 2, 5)
    conn.send({"length": len(request)})
    conn.send_bytes(bytearray(b"into"))
    conn.send_bytes(pickle.dumps(["raw", "pickle"]))
    conn.close()


if __name__ == "__main__":
    parent, child = mp.Pipe()
    p = mp.Process(target=worker, args=(child,))
    p.start()
    parent.send_bytes(b"hello bytes")
    print(parent.recv_bytes())
    print(parent.recv_bytes(maxlength=100))
    raw = parent.recv_bytes()
    print(type(raw).__name__, pickle.loads(raw))
    buf = bytearray(10)
    print(parent.recv_bytes_into(buf, 3), buf)
    print(parent.recv())
    p.join()
    print("exit code", p.exitcode)

    a, b = mp.Pipe()
    for args in [(b"abc", -1), (b"abc", 5), (b"abc", 0, -1), (b"abc", 1, 5)]:
        try:
            a.send_bytes(*args)
        except ValueError as e:
            print("ValueError:", e)
    try:
        b.recv_bytes(-1)
    except ValueError as e:
        print("ValueError:", e)
    a.send_bytes(b"xyzxyz")
    small = bytearray(4)
    try:
        b.recv_bytes_into(small)
    except mp.BufferTooShort as e:
        print("BufferTooShort:", e.args[0], small)
    a.send_bytes(b"too long")
    try:
        b.recv_bytes(3)
    except OSError as e:
        print("OSError:", e, "closed:", b.closed, "readable:", b.readable)
    try:
        b.recv()
    except OSError as e:
        print("OSError:", e)
    r, w = mp.Pipe(duplex=False)
    w.send_bytes(b"too long")
    try:
        r.recv_bytes(2)
    except OSError as e:
        print("OSError:", e, "closed:", r.closed)
