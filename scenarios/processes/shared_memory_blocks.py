# gilsim: expect=ok
# multiprocessing.shared_memory (3.8+), as its tutorials use it: workers attach to a block
# by name and pack results into it with struct, a forked child writes through an inherited
# SharedMemory, spawned processes and a Pool attach by name, a ShareableList is updated by
# another process, and a SharedMemoryManager unlinks what it made when its `with` ends.
# Closing and unlinking, the errors of a missing or taken name and of bad sizes.
import multiprocessing as mp
import struct
import sys

try:
    from multiprocessing import shared_memory
    from multiprocessing.managers import SharedMemoryManager
except ImportError as e:
    print("ImportError:", e)
    sys.exit(0)


def pack_result(name, index):
    shm = shared_memory.SharedMemory(name=name)
    struct.pack_into("i", shm.buf, index * 4, (index + 1) * 100)
    shm.close()


def write_inherited(shm):
    shm.buf[0] = 99


def square_byte(args):
    name, i = args
    shm = shared_memory.SharedMemory(name=name)
    shm.buf[i] = shm.buf[i] ** 2 % 256
    shm.close()
    return i


def read_text(name, q):
    shm = shared_memory.SharedMemory(name=name)
    q.put(bytes(shm.buf[: shm.size]).rstrip(b"\0").decode())
    shm.close()


def update_list(name):
    sl = shared_memory.ShareableList(name=name)
    sl[0] += 1
    sl[1] = "changed"
    sl[-1] = None
    sl.shm.close()


def times_ten(name, i):
    sl = shared_memory.ShareableList(name=name)
    sl[i] = sl[i] * 10
    sl.shm.close()


if __name__ == "__main__":
    shm = shared_memory.SharedMemory(create=True, size=16)
    print(len(shm.name), shm.name.startswith("psm_"), shm.size, len(shm.buf), shm.buf.nbytes)
    print(repr(shm) == "SharedMemory(%r, size=16)" % shm.name)
    workers = [mp.Process(target=pack_result, args=(shm.name, i)) for i in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print(struct.unpack_from("4i", shm.buf, 0), bytes(shm.buf[:4]), shm.buf.tolist()[4:8])
    child = mp.Process(target=write_inherited, args=(shm,))
    child.start()
    child.join()
    print("inherited write:", shm.buf[0])
    other = shared_memory.SharedMemory(shm.name)
    print(other.size, bytes(other.buf[:2]))
    other.close()
    print(other.buf)
    shm.close()
    shm.unlink()
    try:
        shared_memory.SharedMemory(shm.name)
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno, e.strerror, e.filename == "/" + shm.name)
    for kw in [dict(create=True), dict(size=-1), dict()]:
        try:
            shared_memory.SharedMemory(**kw)
        except ValueError as e:
            print("ValueError:", e)
    named = shared_memory.SharedMemory("results_block", create=True, size=4)
    try:
        shared_memory.SharedMemory("results_block", create=True, size=4)
    except FileExistsError as e:
        print("FileExistsError:", e)
    print(named.name, named)
    named.close()
    named.unlink()

    ctx = mp.get_context("spawn")
    text = shared_memory.SharedMemory(create=True, size=32)
    message = "shared hello".encode()
    text.buf[: len(message)] = message
    q = ctx.Queue()
    reader = ctx.Process(target=read_text, args=(text.name, q))
    reader.start()
    print(q.get())
    reader.join()
    text.buf[:5] = bytes(range(1, 6))
    with mp.Pool(3) as pool:
        print(sorted(pool.map(square_byte, [(text.name, i) for i in range(5)])))
    print(list(text.buf[:5]))
    text.close()
    text.unlink()

    sl = shared_memory.ShareableList([1, "hello", 2.5, True, None, b"raw", -7])
    print(list(sl), len(sl), sl.format)
    print(sl[1], sl[-1], sl.count(True), sl.index(2.5))
    p = mp.Process(target=update_list, args=(sl.shm.name,))
    p.start()
    p.join()
    print(list(sl), sl.shm.size)
    try:
        sl[1] = "x" * 20
    except ValueError as e:
        print("ValueError:", e)
    for bad in (lambda: sl[10], lambda: sl.__setitem__(10, 1)):
        try:
            bad()
        except IndexError as e:
            print("IndexError:", e)
    sl[2] = "str now"
    print(sl[2], sl.format)
    attached = shared_memory.ShareableList(name=sl.shm.name)
    print(list(attached))
    attached.shm.close()
    sl.shm.close()
    sl.shm.unlink()

    with SharedMemoryManager() as smm:
        numbers = smm.ShareableList(range(5))
        block = smm.SharedMemory(size=32)
        block.buf[:5] = b"hello"
        procs = [mp.Process(target=times_ten, args=(numbers.shm.name, i)) for i in range(5)]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        print(list(numbers), bytes(block.buf[:5]), block.size)
        name = numbers.shm.name
    try:
        shared_memory.SharedMemory(name)
    except FileNotFoundError:
        print("unlinked by the manager")
