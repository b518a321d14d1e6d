# gilsim: expect=ok
# A pool that recycles its workers (maxtasksperchild), as services do to bound a leaking
# library's memory: each worker process ends after two tasks and the pool's worker handler
# starts another in its place, with the next ForkPoolWorker number and a new pid. The workers
# report into shared ctypes arrays: a char array (`Array('c')`, its `value` up to the first
# NUL and its `raw` bytes), and RawArray/RawValue (plain ctypes objects, no lock).
import multiprocessing as mp
import os
import sys
from collections import Counter


def square(x):
    me = mp.current_process()
    return x * x, me.name, os.getpid()


def report(label, slots, total, index):
    label.value = b"worker-%d" % index
    slots[index] = index * 10
    total.value += 1.5


if __name__ == "__main__":
    with mp.Pool(2, maxtasksperchild=2) as pool:
        results = pool.map(square, range(8), chunksize=1)
    print("squares:", [r[0] for r in results])
    per_worker = Counter(name for _, name, _ in results)
    print("at most two tasks per worker:", max(per_worker.values()) <= 2)
    print("workers used:", len(per_worker) >= 4, len({pid for _, _, pid in results}) >= 4)
    print("names:", all(name.startswith("ForkPoolWorker-") for name in per_worker))

    if sys.version_info >= (3, 10):
        try:
            mp.Pool(2, maxtasksperchild=0)
        except ValueError as e:
            print("refused:", e)

    label = mp.Array("c", 12)
    slots = mp.RawArray("i", 3)
    total = mp.RawValue("d", 0.0)
    print(type(label).__name__, type(slots).__name__, repr(total), label.raw)
    for index in range(3):
        p = mp.Process(target=report, args=(label, slots, total, index))
        p.start()
        p.join()
    print(label.value, label.raw, label[:8], slots[:], total.value)
    label.raw = b"abc"
    print(label.value, len(label), label.get_obj().value, type(label.get_obj()).__name__)
    for bad in (b"x" * 13, "text"):
        try:
            label.value = bad
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
    try:
        label[0] = "a"
    except TypeError as e:
        print("TypeError", e)
