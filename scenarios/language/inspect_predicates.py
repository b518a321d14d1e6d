# inspect's predicates as threaded code asks them (is it a class to raise, a generator
# function to wrap, a method to bind?), getmembers and getdoc, against each CPython.
# gilsim: expect=ok
import functools
import inspect
import threading


def plain(a, b=1):
    """Add things.

        Indented detail.
    """
    return a + b


def counting(n):
    for i in range(n):
        yield i


class Worker(threading.Thread):
    """A worker."""

    def run(self):
        pass

    def helper(self):
        yield 1


w = Worker()
for label, obj in [("plain", plain), ("counting", counting), ("counting()", counting(2)), ("Worker", Worker),
                   ("w.run", w.run), ("w.helper", w.helper), ("partial", functools.partial(counting, 3)),
                   ("print", print), ("threading", threading), ("3", 3)]:
    print(label, inspect.isclass(obj), inspect.isfunction(obj), inspect.ismethod(obj), inspect.isgeneratorfunction(obj),
          inspect.isgenerator(obj), inspect.isbuiltin(obj), inspect.isroutine(obj), inspect.ismodule(obj),
          inspect.iscoroutinefunction(obj))
print(repr(inspect.getdoc(plain)), inspect.getdoc(Worker))


class Point:
    x = 1
    y = 2

    def norm(self):
        return 0


print([name for name, _ in inspect.getmembers(Point) if not name.startswith("__")])
print([name for name, _ in inspect.getmembers(Point(), inspect.ismethod) if not name.startswith("__")])
print([name for name, _ in inspect.getmembers(Point, inspect.isfunction)])
