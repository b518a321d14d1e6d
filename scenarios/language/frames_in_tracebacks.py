# gilsim: expect=exception
# Which frames a traceback lists: comprehensions have frames of their own up to 3.11 and run
# inside their caller from 3.12 (PEP 709: the caller's line shows where the comprehension
# failed), while generator expressions keep theirs; lambdas, decorators' wrappers, property
# getters, class bodies and multi-line calls each appear as CPython shows them, in the main
# thread and in a worker thread; so does the stack `traceback.print_stack()` prints, with
# CPython's threading.py frames under a thread's.
import inspect
import sys
import threading
import traceback


def show(f):
    try:
        f()
    except Exception:
        traceback.print_exc(file=sys.stdout)


def ratios(values):
    return [1 / v for v in values]


def ratio_sum(values):
    return sum(1 / v for v in values)


def inverse_table(values):
    return {v: 1 / v for v in values}


def unique_inverses(values):
    return {1 // v for v in values}


class Sensor:
    @property
    def reading(self):
        return self.calibration["offset"]


def logged(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper


@logged
def label(n):
    return n + " units"


def lookup():
    pick = lambda d: d["missing"]
    return pick({})


def class_body():
    class Config:
        limit = undefined_limit


def multiline_call():
    return max(
        1,
        int("x"),
    )


for f in [lambda: ratios([2, 0]), lambda: ratio_sum([0]), lambda: inverse_table([0]),
          lambda: unique_inverses([0]), lambda: Sensor().reading, lambda: label(3), lookup,
          class_body, multiline_call]:
    show(f)


def where_am_i(tag):
    print(tag)
    traceback.print_stack(file=sys.stdout)
    frame = traceback.extract_stack(limit=2)[0]
    print(frame.name, frame.lineno, frame.line)
    return tag


class Reporter(threading.Thread):
    def run(self):
        [where_am_i(t) for t in ["from a Thread subclass"]]


def trace(message):
    caller = sys._getframe(1)
    info = inspect.getframeinfo(caller)
    callers = " <- ".join(frame.function for frame in inspect.stack()[1:])
    print(f"[{caller.f_code.co_name}:{caller.f_lineno}] {message} ({info.code_context[0].strip()}; {callers})")


def deposit(amount):
    trace(f"depositing {amount}")


deposit(5)
teller = threading.Thread(target=deposit, args=(7,), name="teller")
teller.start()
teller.join()
where_am_i("from the main thread")
reporter = Reporter()
reporter.start()
reporter.join()


def worker(values):
    where_am_i("from a thread's target")
    return [[1 // v for v in row] for row in values]


t = threading.Thread(target=worker, args=([[1], [0]],))
t.start()
t.join()
grid = [[1 // y for y in row] for row in [[1, 0]]]
