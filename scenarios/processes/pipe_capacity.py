# gilsim: expect=ok
# How much a pipe holds before its writer waits for a reader: a child writes into a pipe
# nobody reads, and the parent looks whether it could exit (an OS pipe holds 64 KiB in 16
# pages, a socket pair about 208 KiB of kernel allocations; a Queue's messages are pickles).
# The numbers either side of each limit are CPython's on Linux.
import multiprocessing as mp

def send_bytes(conn, count, size):
    for _ in range(count):
        conn.send_bytes(b"x" * size)

def send_objects(conn, objects):
    for obj in objects:
        conn.send(obj)

def put(q, objects):
    for obj in objects:
        q.put(obj)

def exits(target, args):
    p = mp.Process(target=target, args=args)
    p.start()
    p.join(0.5)
    done = not p.is_alive()
    p.terminate()
    p.join()
    return done

def check(label, target, make_args, below, above):
    print(label, exits(target, make_args(below)), exits(target, make_args(above)))

readers = []

def writer(duplex):
    # The writing end of a new pipe (its reading end kept open, unread).
    reader, writer = mp.Pipe(duplex=duplex)
    readers.append(reader)
    return writer

if __name__ == "__main__":
    check("one message, pipe", send_bytes, lambda n: (writer(False), 1, n), 65532, 65533)
    check("one message, socket pair", send_bytes, lambda n: (writer(True), 1, n), 219264, 219265)
    check("10-byte messages, pipe", send_bytes, lambda n: (writer(False), n, 10), 4672, 4673)
    check("1000-byte messages, pipe", send_bytes, lambda n: (writer(False), n, 1000), 64, 65)
    check("10-byte messages, socket pair", send_bytes, lambda n: (writer(True), n, 10), 278, 279)
    check("1000-byte messages, socket pair", send_bytes, lambda n: (writer(True), n, 1000), 93, 94)
    check("a str in a Queue", put, lambda n: (mp.Queue(), ["x" * n]), 65000, 66000)
    check("small ints in a Queue", put, lambda n: (mp.Queue(), list(range(n))), 3000, 4000)
    check("a list sent on a Pipe", send_objects, lambda n: (writer(True), [list(range(n))]), 50000, 80000)
    check("dicts in a SimpleQueue", put, lambda n: (mp.SimpleQueue(), [{"id": i, "name": "n%d" % i} for i in range(n)]), 1000, 3000)
