# F19, F20: an exception in a thread is reported on stderr and the program goes on (exit 0);
# SystemExit in a thread is silent; `args=(5)` is not a tuple.
# gilsim: expect=exception
import threading


def bad():
    raise ValueError("bad value")


def leave():
    raise SystemExit(3)


def f(x):
    print("never", x)


for target, args in ((bad, ()), (leave, ()), (f, (5))):
    t = threading.Thread(target=target, args=args)
    t.start()
    t.join()
print("main continues")
