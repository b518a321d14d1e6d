# gilsim: expect=ok
# Built-in functions kept as class attributes, and built-in methods bound to their objects,
# as CPython treats them: a built-in function (`len`, `time.monotonic`) is no descriptor, so
# `self.clock()` calls it without `self`; a method of a built-in type (`list.append`) is one
# and binds; a bound built-in method's type is `builtin_function_or_method`, not `method`.
import logging
import threading
import time
import types


class Stopwatch:
    clock = time.monotonic
    measure = len

    def __init__(self):
        self.started = self.clock()

    def elapsed(self):
        return self.clock() - self.started


class Stack(list):
    push = list.append


watch = Stopwatch()
print(type(watch.elapsed()).__name__, watch.elapsed() >= 0)
print(watch.measure("four"), Stopwatch.measure([1, 2]))
stack = Stack()
stack.push(1)
stack.push(2)
print(stack, len(stack))

lock = threading.Lock()
for bound in ([].append, {}.get, "".join, lock.acquire, stack.push):
    print(type(bound).__name__, isinstance(bound, types.MethodType), isinstance(bound, types.BuiltinMethodType))
print(type(watch.elapsed).__name__, isinstance(watch.elapsed, types.MethodType))
print(type(len).__name__, type(Stopwatch.clock).__name__)

# logging formats a record's time with the formatter's `converter`, a built-in function kept
# on the class: replacing it (UTC logs) takes effect, and it is called without the formatter.
calls = []


def utc(seconds):
    calls.append(seconds)
    return time.gmtime(seconds)


class UTCFormatter(logging.Formatter):
    converter = staticmethod(utc)


record = logging.LogRecord("demo", logging.INFO, __file__, 1, "hello", None, None)
text = UTCFormatter("%(asctime)s %(message)s").format(record)
print(len(calls), text.endswith(" hello"))
logging.Formatter.converter = time.gmtime
print(logging.Formatter("%(message)s").formatTime(record, "%Y") == time.strftime("%Y", time.gmtime(record.created)))
