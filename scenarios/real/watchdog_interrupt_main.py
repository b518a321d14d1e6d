# gilsim: expect=exception
# A watchdog thread that stops the main thread with `_thread.interrupt_main()`: no real
# signal is sent, so a main thread asleep finishes its sleep before KeyboardInterrupt is
# raised; a busy loop is stopped at its next check; a handler installed with signal.signal
# runs in the main thread instead (here it raises the script's own Timeout); SIG_IGN makes
# the interrupt nothing (from 3.7). The last interrupt escapes uncaught: from 3.8 CPython
# then ends itself by SIGINT (status 130).
import _thread
import signal
import sys
import threading
import time

start = time.monotonic()


class Timeout(Exception):
    pass


def watchdog(delay, then_sleep=0.0):
    time.sleep(delay)
    print("watchdog fires", flush=True)
    _thread.interrupt_main()
    time.sleep(then_sleep)


def busy():
    n = 0
    while True:
        n += 1


dog = threading.Thread(target=watchdog, args=(0.05, 0.2))
dog.start()
try:
    time.sleep(0.5)
    print("slept fully", round(time.monotonic() - start, 1))
    busy()
except KeyboardInterrupt as e:
    print("interrupted after", round(time.monotonic() - start, 1), repr(e))
dog.join()

threading.Thread(target=watchdog, args=(0.05,), daemon=True).start()
try:
    busy()
except KeyboardInterrupt:
    print("busy loop interrupted")


def on_interrupt(signum, frame):
    print("handler runs in", threading.current_thread().name, "for", signum)
    raise Timeout("took too long")


signal.signal(signal.SIGINT, on_interrupt)
threading.Thread(target=watchdog, args=(0.05,), daemon=True).start()
try:
    busy()
except Timeout as e:
    print("Timeout:", e)

if sys.version_info >= (3, 7):  # 3.6 calls SIG_IGN itself, a TypeError
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    ignored = threading.Thread(target=_thread.interrupt_main)
    ignored.start()
    ignored.join()
    print("ignored:", sum(range(1000)))

signal.signal(signal.SIGINT, signal.default_int_handler)
threading.Thread(target=watchdog, args=(0.05,)).start()
busy()
