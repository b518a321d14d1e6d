# gilsim: expect=ok
# sys.settrace and threading.settrace: a thread's trace function sees each frame it enters
# ("call"), each new line and loop iteration ("line"), exceptions raised and passing through
# ("exception") and each frame's end ("return", with the value returned or yielded); what it
# returns traces the frame. A trace function that raises stops tracing, and its error is raised
# in the traced code: the recipe that stops a thread from outside by raising SystemExit there.
import sys
import threading
import time

HERE = __file__


def show(frame, event, arg):
    if frame.f_code.co_filename != HERE:
        return None
    if event == "exception":
        arg = arg[0].__name__
    elif event == "return":
        arg = repr(arg)
    print(" ", event, frame.f_code.co_name, frame.f_lineno, arg if arg is not None else "")
    return show


def checked(x):
    if x > 1:
        raise ValueError(x)
    return x * 10


def caller(values):
    total = 0
    for v in values:
        try:
            total += checked(v)
        except ValueError:
            total -= 1
    return total


def countdown(n):
    while n > 0:
        yield n
        n -= 1


def consume():
    seen = [n for n in countdown(2)]
    for n in countdown(1):
        seen.append(n)
    return seen


print("sys.settrace:")
sys.settrace(show)
caller([1, 2])
consume()
sys.settrace(None)
print("tracing off:", sys.gettrace())


def only_calls(frame, event, arg):
    if frame.f_code.co_filename == HERE:
        print("  call", frame.f_code.co_name, "from", frame.f_back.f_code.co_name, sorted(frame.f_locals))
    return None


def worker(name, n):
    return sum(range(n))


print("threading.settrace:")
threading.settrace(only_calls)
threads = [threading.Thread(target=worker, args=("w%d" % i, i + 2)) for i in range(2)]
for t in threads:
    t.start()
    t.join()
threading.settrace(None)


class StoppableThread(threading.Thread):
    def __init__(self, *args, **kwargs):
        threading.Thread.__init__(self, *args, **kwargs)
        self.stop_requested = False

    def run(self):
        sys.settrace(self.global_trace)
        try:
            threading.Thread.run(self)
        except SystemExit:
            print("stopped inside", self.name)

    def global_trace(self, frame, event, arg):
        return self.local_trace if event == "call" else None

    def local_trace(self, frame, event, arg):
        if self.stop_requested and event == "line":
            raise SystemExit()
        return self.local_trace


def spin(results):
    while True:
        results.append(len(results))
        time.sleep(0.001)


results = []
spinner = StoppableThread(target=spin, args=(results,), name="spinner")
spinner.start()
time.sleep(0.05)
spinner.stop_requested = True
spinner.join()
print("spinner alive:", spinner.is_alive(), "iterations:", len(results) >= 3)


def broken(frame, event, arg):
    raise RuntimeError("the tracer failed")


def traced():
    return 1


sys.settrace(broken)
try:
    traced()
except RuntimeError as error:
    print("caught:", error, "| tracing now:", sys.gettrace())
