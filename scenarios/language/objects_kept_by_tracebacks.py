# gilsim: expect=ok
# A traceback keeps the frames it passed through, and their locals, alive as long as the
# exception: a connection opened in a function that raised is closed (its __del__ runs)
# once the handler is done with the exception, or when a saved exception is deleted; a
# thread's uncaught exception dies with its report, before join() returns. A coroutine
# dropped by a failed call warns at that call's line.
import asyncio
import threading


class Connection:
    def __init__(self, name):
        self.name = name
        print("open", name)

    def __del__(self):
        print("close", self.name)


def query(name, fail):
    conn = Connection(name)
    if fail:
        raise ValueError(name)
    return name


try:
    query("a", True)
except ValueError:
    print("handled a")
print("after a")

try:
    query("b", True)
except ValueError as e:
    print("handled", e)
    saved = e
print("after b")
del saved
print("saved exception deleted")


def outer():
    conn = Connection("outer")
    query("inner", True)


try:
    outer()
except ValueError:
    print("handled nested")


def failing_worker():
    conn = Connection("thread")
    raise RuntimeError("boom")


def worker():
    try:
        failing_worker()
    except RuntimeError as e:
        print("worker caught", e)


t = threading.Thread(target=worker)
t.start()
t.join()
print("joined")
for i in range(2):
    try:
        query("loop%d" % i, True)
    except ValueError:
        pass


async def fetch():
    return 1


def submit(coro, **options):
    raise TypeError("unexpected option")


async def main():
    try:
        submit(fetch(), priority=1)
    except TypeError as e:
        print("caught", e)
    print("after submit")


asyncio.run(main())
print("end")
