# Modelled on tutorials listing threads with threading.enumerate and active_count.
import threading
import time

stop = threading.Event()


def idle():
    stop.wait()


for i in range(3):
    threading.Thread(target=idle, name="idle-%d" % i).start()
time.sleep(0.05)
print("active:", threading.active_count())
for t in sorted(threading.enumerate(), key=lambda t: t.name):
    print(" ", t.name, "daemon" if t.daemon else "non-daemon", "alive" if t.is_alive() else "dead")
print("current is main:", threading.current_thread() is threading.main_thread())
stop.set()
for t in threading.enumerate():
    if t is not threading.main_thread():
        t.join()
print("active after join:", threading.active_count())
