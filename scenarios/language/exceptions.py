# try/except/else/finally, raise from, custom exceptions, with-statement managers, and an
# uncaught exception in the main thread (exit status 1, traceback on stderr).
# gilsim: expect=exception


class AppError(Exception):
    pass


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, kind, exc, tb):
        print("exit", self.name, kind.__name__ if kind else None)
        return kind is KeyError


def risky(n):
    if n == 0:
        raise AppError("zero")
    return 10 // n


for n in (2, 0):
    try:
        value = risky(n)
    except AppError as e:
        print("AppError:", e, e.args)
    else:
        print("value", value)
    finally:
        print("finally", n)

with Resource("a") as r:
    print("inside", r.name)
with Resource("b"):
    raise KeyError("swallowed")
try:
    with Resource("c"):
        [][1]
except IndexError as e:
    print("IndexError:", e)


def loop_with_finally():
    for i in range(5):
        try:
            if i == 2:
                return i
        finally:
            print("cleanup", i)


print(loop_with_finally())
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise
except ArithmeticError as e:
    print(type(e).__name__, e)
assert 1 + 1 == 2, "math works"
print(int("12"), end=" ")
print("done")
risky(0)
