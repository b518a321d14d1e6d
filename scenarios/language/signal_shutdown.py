# gilsim: expect=ok
# Graceful shutdown on a signal, as threaded services write it: a SIGTERM handler sets an
# Event the worker polls; signal() only from the main thread; SIG_IGN; SIGINT's default
# handler raises KeyboardInterrupt. Signals come only from raise_signal() (3.8+).
import signal, threading, time
stop = threading.Event()
print(signal.SIGINT.name, repr(signal.SIGINT), signal.SIGTERM.value, repr(signal.SIG_IGN), signal.NSIG)
def handler(signum, frame):
    print("received", signum, signal.Signals(signum).name)
    stop.set()
print(signal.signal(signal.SIGTERM, handler) == signal.SIG_DFL, signal.getsignal(signal.SIGTERM) is handler)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
def worker():
    while not stop.wait(0.05):
        pass
    print("worker stopping")
    try:
        signal.signal(signal.SIGINT, handler)
    except ValueError as e:
        print(type(e).__name__, e)
t = threading.Thread(target=worker)
t.start()
time.sleep(0.12)
if hasattr(signal, "raise_signal"):
    signal.raise_signal(signal.SIGTERM)
else:
    handler(signal.SIGTERM, None)
t.join()
for bad in [(99, handler), (signal.SIGKILL, handler), (signal.SIGINT, 5)]:
    try:
        signal.signal(*bad)
    except (ValueError, OSError, TypeError) as e:
        print(type(e).__name__, e)
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
getattr(signal, "raise_signal", print)(signal.SIGUSR1)
try:
    getattr(signal, "raise_signal", signal.default_int_handler)(signal.SIGINT, *([] if hasattr(signal, "raise_signal") else [None]))
except KeyboardInterrupt:
    print("KeyboardInterrupt")
