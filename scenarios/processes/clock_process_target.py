# gilsim: expect=ok
# Notes case 19: a Process made directly, with a target function and its arguments. The
# child prints the time every `interval` seconds while the main process prints that it is
# sleeping every second (both loops bounded here). On a pipe, each process's stdout is
# block-buffered: the child's lines come out when the child exits, the parent's when it
# exits — run with `--stdout line` to see them interleave as on a terminal.
import multiprocessing
from time import ctime, sleep


def clock(interval, times):
    for _ in range(times):
        print("The time is %s" % ctime())
        sleep(interval)


if __name__ == "__main__":
    p = multiprocessing.Process(target=clock, args=(2, 3))
    p.start()
    for _ in range(5):
        print("sleeping.......")
        sleep(1)
    p.join()
