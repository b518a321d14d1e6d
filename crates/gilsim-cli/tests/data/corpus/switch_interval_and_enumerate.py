# Modelled on programs inspecting sys.getswitchinterval and threading.enumerate.
import sys
import threading
import time

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
stop = threading.Event()


def idle():
    stop.wait()


ts = [threading.Thread(target=idle, name="idle-%d" % i, daemon=(i % 2 == 0)) for i in range(3)]
for t in ts:
    t.start()
time.sleep(0.05)
print(threading.active_count())
for t in sorted(threading.enumerate(), key=lambda t: t.name):
    print(t.name, t.daemon, t is threading.main_thread())
stop.set()
for t in ts:
    t.join()
print(threading.active_count())
