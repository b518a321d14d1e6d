# gilsim: expect=ok
# Source: the Future methods as the concurrent.futures documentation lists them (done,
# running, cancelled, cancel, result with a timeout, exception, add_done_callback), exercised
# on a one-worker pool whose worker is held by an Event, so every state is visible.
import concurrent.futures
import threading

gate = threading.Event()
log = []


def held():
    gate.wait()
    return "released"


def fail():
    raise KeyError("missing")


pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
first = pool.submit(held)
second = pool.submit(lambda: "never runs")
third = pool.submit(fail)
print("first running:", first.running(), "done:", first.done())
print("second running:", second.running(), "done:", second.done())
try:
    first.result(timeout=0.05)
except concurrent.futures.TimeoutError:
    print("result timed out")
print("cancel second:", second.cancel(), "cancelled:", second.cancelled())
print("cancel first:", first.cancel())
first.add_done_callback(lambda f: log.append("callback saw " + f.result()))
gate.set()
print("first:", first.result())
print("third exception:", repr(third.exception()))
try:
    third.result()
except KeyError as exc:
    print("third raised KeyError", exc)
try:
    second.result()
except concurrent.futures.CancelledError:
    print("second was cancelled")
third.add_done_callback(lambda f: log.append("late callback runs at once"))
pool.shutdown()
print(log)
try:
    pool.submit(print, "too late")
except RuntimeError as exc:
    print("RuntimeError:", exc)
try:
    concurrent.futures.ThreadPoolExecutor(max_workers=0)
except ValueError as exc:
    print("ValueError:", exc)
