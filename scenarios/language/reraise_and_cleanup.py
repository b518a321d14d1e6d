# gilsim: expect=exception
# Where re-raised exceptions and clean-up code show up in tracebacks: a bare `raise` in an
# except block (the usual "log it and re-raise"), a `finally` block and a `with` statement's
# `__exit__` that fail while an exception is on its way out (chained to it, and seeing it in
# sys.exc_info()), an `__exit__` that fails on a normal exit (reported at the `with` line
# from 3.10), a lock released twice through `with`, and a `@contextmanager` lock wrapper
# that converts one error and lets another through with its own traceback.
import contextlib
import sys
import threading
import traceback

log = []


def parse(text):
    return int(text)


def parse_logged(text):
    try:
        return parse(text)
    except ValueError:
        log.append(f"bad input {text!r}")
        raise


def reraise_from_helper():
    raise


def parse_with_helper(text):
    try:
        return parse(text)
    except ValueError:
        reraise_from_helper()


class Resource:
    def __init__(self, name, fail_on_exit=False):
        self.name = name
        self.fail_on_exit = fail_on_exit

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        log.append(f"{self.name} closing, handling {sys.exc_info()[0]}")
        if self.fail_on_exit:
            raise OSError(f"{self.name}: close failed")
        return False


def use_resource(fail_inside):
    with Resource("db", fail_on_exit=True):
        log.append("working")
        if fail_inside:
            raise KeyError("row")


def return_through_with():
    for attempt in range(3):
        with Resource(f"attempt {attempt}", fail_on_exit=attempt == 1):
            if attempt == 1:
                return attempt


def two_resources():
    with Resource("outer"), \
         Resource("inner", fail_on_exit=True):
        log.append("both open")


def failing_finally():
    try:
        {}["missing"]
    finally:
        log.append(f"finally sees {sys.exc_info()[0].__name__}")
        raise RuntimeError("cleanup failed")


def swallowing_finally():
    for i in range(3):
        try:
            if i == 1:
                raise ValueError(i)
        finally:
            if i == 1:
                break
    return f"stopped at {i}, handling {sys.exc_info()[0]}"


def release_twice(lock):
    with lock:
        lock.release()


guard = threading.Lock()


@contextlib.contextmanager
def guarded(name):
    guard.acquire()
    try:
        yield name
    except KeyError as e:
        log.append(f"{name}: converting {e!r} while handling {sys.exc_info()[0].__name__}")
        raise ValueError(f"{name}: no such key") from e
    finally:
        guard.release()


def use_guarded(error):
    with guarded("cache"):
        raise error


for call in [lambda: use_guarded(KeyError("k")), lambda: use_guarded(IndexError(3)),
             lambda: parse_logged("x1"), lambda: parse_with_helper("x2"), lambda: use_resource(False),
             lambda: use_resource(True), return_through_with, two_resources, failing_finally,
             lambda: release_twice(threading.Lock())]:
    try:
        call()
    except Exception:
        traceback.print_exc(file=sys.stdout)
        print("-" * 20)
print(swallowing_finally(), guard.locked())
print("\n".join(log))


def worker():
    try:
        parse("x3")
    except ValueError:
        raise


t = threading.Thread(target=worker)
t.start()
t.join()
with Resource("main", fail_on_exit=True):
    parse_logged("x4")
