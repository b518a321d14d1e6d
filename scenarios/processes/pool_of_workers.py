# gilsim: expect=ok
# A Pool runs at most its size of worker processes, however many tasks there are (the
# notes compare it with a semaphore, which bounds the threads at work but not how many
# exist). map() keeps the input's order; apply_async() returns at once with a result to get
# later; a worker's exception reaches the caller of get(); the pool's workers are gone after
# close() and join().
import multiprocessing
import os
import time


def square(x):
    time.sleep(0.01)
    return x * x


def who(x):
    time.sleep(0.01)
    return multiprocessing.current_process().name


def checked(x):
    if x == 3:
        raise ValueError("no threes")
    return x


if __name__ == "__main__":
    pool = multiprocessing.Pool(3)
    print("squares:", pool.map(square, range(10)))
    names = set(pool.map(who, range(12), chunksize=1))
    print("workers used:", len(names), "all pool workers:",
          all(n.startswith("ForkPoolWorker-") for n in names))
    pending = [pool.apply_async(square, (n,)) for n in (7, 8)]
    print("async results:", [r.get(timeout=5) for r in pending])
    print("starmap:", pool.starmap(pow, [(2, 5), (3, 3)]))
    print("imap:", list(pool.imap(square, [4, 5, 6])))
    print("imap_unordered:", sorted(pool.imap_unordered(square, [1, 2, 3])))
    try:
        pool.map(checked, range(6))
    except ValueError as e:
        print("map raised:", e)
    done = []
    r = pool.map_async(square, [9, 10], callback=done.append)
    r.wait()
    print("callback got:", done, "ready:", r.ready(), "successful:", r.successful())
    pool.close()
    pool.join()
    print("children left:", multiprocessing.active_children())
    print("main pid unchanged:", os.getpid() == os.getpid())
