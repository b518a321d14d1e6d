# Stopping a thread by raising an exception in it: the ctypes recipe
# (`pythonapi.PyThreadState_SetAsyncExc`) as "how to kill a thread" answers write it. The
# target raises the exception when it next runs Python code: a busy loop at once, a thread
# in `time.sleep` or blocked on a lock only once that call returns. A plain int ident does
# not fit the C int ctypes passes it as (0 threads found); `argtypes` fixes that. SystemExit
# ends a thread quietly, another exception is reported as escaping `run()`.
# gilsim: expect=exception
import ctypes
import inspect
import threading
import time
import traceback


class StopWorker(Exception):
    pass


def async_raise(thread, exctype):
    if not inspect.isclass(exctype):
        raise TypeError("Only types can be raised (not instances)")
    found = ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_long(thread.ident), ctypes.py_object(exctype))
    if found == 0:
        raise ValueError("invalid thread id")
    if found > 1:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_long(thread.ident), None)
        raise SystemError("PyThreadState_SetAsyncExc failed")
    return found


log = []


def spinner(started):
    started.set()
    spins = 0
    try:
        while True:
            spins += 1
    except StopWorker:
        log.append("spinner stopped while spinning")


def idler(started):
    started.set()
    try:
        while True:
            pass
    except StopWorker as exc:
        # Raised at the loop's back edge, its only instruction: CPython 3.6-3.9 jump back
        # from the body's last statement, 3.10+ from the `while` statement.
        log.append("idler stopped at: %s" % traceback.extract_tb(exc.__traceback__)[-1].line)


def sleeper(started):
    started.set()
    try:
        for _ in range(100):
            time.sleep(0.01)
        log.append("sleeper slept to the end")
    except StopWorker:
        log.append("sleeper stopped once a sleep returned")


def waiter(started, gate):
    started.set()
    try:
        gate.acquire()
        log.append("waiter ran on after acquire")
    except StopWorker:
        log.append("waiter stopped once acquire returned, holding the gate: %s" % gate.locked())
        gate.release()


def start(target, *args):
    started = threading.Event()
    thread = threading.Thread(target=target, args=(started,) + args, name=target.__name__)
    thread.start()
    started.wait()
    return thread


busy = start(spinner)
time.sleep(0.02)
print("spinner:", async_raise(busy, StopWorker))
busy.join()

idle = start(idler)
time.sleep(0.02)
print("idler:", async_raise(idle, StopWorker))
idle.join()

slow = start(sleeper)
time.sleep(0.025)
print("sleeper:", async_raise(slow, StopWorker))
slow.join()

gate = threading.Lock()
gate.acquire()
held = start(waiter, gate)
print("waiter:", async_raise(held, StopWorker))
time.sleep(0.05)
print("waiter still alive while blocked:", held.is_alive())
gate.release()
held.join()

print("\n".join(log))

# What cannot be found: a plain int ident (as the recipe that looks the ident up in
# threading._active passes it), an unknown one, a finished thread.
calm = start(sleeper)
ident = next(i for i, thread in threading._active.items() if thread is calm)
print("found in _active:", ident == calm.ident, len(threading._active), calm.ident in threading._active)
print("plain int ident:", ctypes.pythonapi.PyThreadState_SetAsyncExc(ident, ctypes.py_object(StopWorker)))
calm.join()
print("after join:", calm.ident in threading._active, len(threading._active))
print("unknown ident:", ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_long(12345), ctypes.py_object(StopWorker)))
try:
    async_raise(held, StopWorker)
except ValueError as exc:
    print("finished thread:", exc)

# Asked, then taken back (None) before the thread runs again: nothing is raised.
resume = threading.Event()


def patient(started):
    started.set()
    resume.wait()
    log.append("patient finished")


calm = start(patient)
setter = ctypes.pythonapi.PyThreadState_SetAsyncExc
print("asked:", setter(ctypes.c_ulong(calm.ident), ctypes.py_object(StopWorker)))
print("taken back:", setter(ctypes.c_ulong(calm.ident), None))
resume.set()
calm.join()
print(log[-1])

# With argtypes declared, the plain ident converts; SystemExit ends the thread quietly,
# another exception escapes run() and is reported.
setter.argtypes = [ctypes.c_ulong, ctypes.py_object]
quiet = start(spinner)
print("SystemExit:", setter(quiet.ident, SystemExit))
quiet.join()
loud = start(spinner)
print("KeyError:", setter(loud.ident, KeyError))
loud.join()
print("alive:", quiet.is_alive(), loud.is_alive())


def own_thread():
    try:
        setter(threading.get_ident(), StopWorker)
        print("not reached")
    except StopWorker:
        print("raised in its own thread right after the call")


own_thread()
print(ctypes.c_long(5), ctypes.c_int(2 ** 40), ctypes.c_ubyte(300), ctypes.c_ulong(-1), ctypes.py_object())
print(ctypes.c_longlong is ctypes.c_long, ctypes.sizeof(ctypes.c_int), ctypes.sizeof(ctypes.c_long(1)))
