# Modelled on the concurrent.futures docs: a Future's running/cancel/done states, exception(), CancelledError, InvalidStateError.
import concurrent.futures as cf
import threading
import time

gate = threading.Event()

def slow(n):
    gate.wait()
    return n

def boom():
    raise KeyError("missing")

with cf.ThreadPoolExecutor(max_workers=1) as ex:
    first = ex.submit(slow, 1)
    queued = ex.submit(slow, 2)
    time.sleep(0.01)
    print("running:", first.running(), "queued running:", queued.running())
    print("cancel queued:", queued.cancel(), queued.cancelled(), queued.done())
    print("cancel running:", first.cancel())
    done, not_done = cf.wait([first], timeout=0.01)
    print(len(done), len(not_done))
    gate.set()
    print(first.result(timeout=1))
    bad = ex.submit(boom)
    print(repr(bad.exception()))
    try:
        bad.result()
    except KeyError as e:
        print("KeyError", e)
    try:
        queued.result()
    except cf.CancelledError as e:
        print("CancelledError", repr(e))
print(repr(first)[:30].split(" at ")[0], first._state)
f = cf.Future()
f.set_result(5)
print(f.result(), f.done(), repr(f).split(" at ")[0], repr(f).split(" state=")[1])
try:
    f.set_result(6)
except cf.InvalidStateError as e:
    print(type(e).__name__, str(e).split(":")[0])
