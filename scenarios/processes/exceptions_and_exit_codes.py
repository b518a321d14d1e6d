# gilsim: expect=exception
# How a child process ends: normally (0), by sys.exit(n) (n), by sys.exit() (0 since 3.9,
# 1 before), by an uncaught exception (1, with the traceback on stderr under the process's
# name), or terminated by its parent (-15, SIGTERM); its output is flushed when it exits,
# except when it is killed.
import multiprocessing
import sys
import time


def ok():
    print("ok runs")


def exits(code):
    print("exits with", code)
    sys.exit(code)


def exits_bare():
    sys.exit()


def fails():
    print("fails next")
    raise ValueError("bad input")


def sleeps():
    print("this line is lost: the process is terminated before it flushes")
    time.sleep(10)


if __name__ == "__main__":
    for target, args in [(ok, ()), (exits, (3,)), (exits_bare, ()), (fails, ())]:
        p = multiprocessing.Process(target=target, args=args)
        p.start()
        p.join()
        print(target.__name__, "->", p.exitcode, p.is_alive())
    p = multiprocessing.Process(target=sleeps)
    p.start()
    time.sleep(0.5)
    p.terminate()
    p.join()
    print("terminated ->", p.exitcode)
