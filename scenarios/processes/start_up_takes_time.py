# gilsim: expect=ok
# A process takes time to start: `start()` returns after about a millisecond (the fork),
# and the child runs later still. So children started in a loop that each do a short job
# run one after another — their unlocked increments of a shared Value do not collide, as
# in CPython. A Value's `value` is read under its lock, so a child reading it waits while
# the parent holds `get_lock()`; a `'d'` Value makes what it stores a float.
import multiprocessing
import time


def hello(n):
    print("child", n, "runs")


def short_job(counter):
    for _ in range(10):
        counter.value += 1


def reader(shared):
    print("child reads", shared.value, flush=True)


if __name__ == "__main__":
    child = multiprocessing.Process(target=hello, args=(1,))
    began = time.monotonic()
    child.start()
    print("start() took half a millisecond or more:", time.monotonic() - began >= 0.0005)
    child.join()

    counter = multiprocessing.Value("i", 0)
    jobs = [multiprocessing.Process(target=short_job, args=(counter,)) for _ in range(4)]
    for job in jobs:
        job.start()
    for job in jobs:
        job.join()
    print("short jobs started in a loop:", counter.value)

    shared = multiprocessing.Value("i", 0)
    with shared.get_lock():
        child = multiprocessing.Process(target=reader, args=(shared,))
        child.start()
        time.sleep(0.05)
        shared.value = 42
        print("parent releases the lock", flush=True)
    child.join()
    print("exit code", child.exitcode)

    ratio = multiprocessing.Value("d", 1)
    ratio.value = 3
    print("a 'd' Value holds floats:", ratio.value, ratio)
