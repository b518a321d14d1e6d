# Modelled on "threading module reference" examples: native ids, stack size, switch interval,
# sys.exit in a thread, threading.excepthook, thread-locals, Timer, and the errors of misused
# BoundedSemaphore, RLock, Lock, Condition and Barrier.
import threading, sys, os, time
print(isinstance(threading.get_native_id(), int), threading.TIMEOUT_MAX > 1e6, threading.stack_size())
print(sys.getrecursionlimit(), sys.intern("abc") == "abc", sys.getsizeof(0) > 0, sys.stdout.isatty(), len(sys.argv))
print(os.cpu_count() >= 1, os.environ.get("GILSIM_UNSET_VAR_X", "default"), "PATH" in os.environ or True, os.getpid() > 0)
print(sys.getswitchinterval()); sys.setswitchinterval(0.001); print(sys.getswitchinterval())
def quitter():
    print("thread exiting via sys.exit")
    sys.exit(3)
t = threading.Thread(target=quitter); t.start(); t.join(); print("after quitter", t.is_alive())
print(type(time.process_time()).__name__, type(time.thread_time()).__name__, time.sleep(0))
def hook(args):
    print("hook:", args.exc_type.__name__, args.exc_value, args.thread.name)
threading.excepthook = hook
t = threading.Thread(target=lambda: 1 / 0, name="divider"); t.start(); t.join()
threading.excepthook = threading.__excepthook__
calls = []
t = threading.Thread(target=lambda: calls.append(1)); t.start(); t.join()
print(calls, threading.main_thread().name, threading.current_thread().ident == threading.get_ident())
local = threading.local()
local.x = 1
def look():
    print("local has x:", hasattr(local, "x"))
t = threading.Thread(target=look); t.start(); t.join()
print(sorted(t.name for t in threading.enumerate()))
e = threading.Event()
timer = threading.Timer(0.05, e.set)
timer.start()
print("waited", e.wait(timeout=1), timer.is_alive() in (True, False))
s = threading.BoundedSemaphore(1)
s.acquire(); s.release()
try:
    s.release()
except ValueError as err:
    print("ValueError:", err)
r = threading.RLock()
try:
    r.release()
except RuntimeError as err:
    print("RuntimeError:", err)
l = threading.Lock()
try:
    l.release()
except RuntimeError as err:
    print("RuntimeError:", err)
c = threading.Condition()
try:
    c.notify()
except RuntimeError as err:
    print("RuntimeError:", err)
b = threading.Barrier(2, timeout=0.05)
try:
    b.wait()
except threading.BrokenBarrierError:
    print("broken barrier", b.broken)
