# Modelled on watchdog threads that call _thread.interrupt_main() to stop the main thread.
import _thread
import threading
import time
import signal

start = time.monotonic()


def watchdog(delay):
    time.sleep(delay)
    print("watchdog fires", flush=True)
    _thread.interrupt_main()
    time.sleep(0.2)
    print("watchdog done", flush=True)


t = threading.Thread(target=watchdog, args=(0.05,))
t.start()
try:
    time.sleep(0.5)
    print("slept fully", round(time.monotonic() - start, 1))
    for i in range(10**9):
        pass
except KeyboardInterrupt:
    print("interrupted after", round(time.monotonic() - start, 1))
t.join()
got = []
signal.signal(signal.SIGINT, lambda s, f: got.append(s))
t2 = threading.Thread(target=_thread.interrupt_main)
t2.start(); t2.join()
x = sum(range(1000))
print("handler got", got)
signal.signal(signal.SIGINT, signal.SIG_IGN)
t3 = threading.Thread(target=_thread.interrupt_main)
t3.start(); t3.join()
print("ignored ok")
