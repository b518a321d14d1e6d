# Modelled on examples that list threading.enumerate() and active_count().
import threading
import time

stop = threading.Event()

def idle():
    stop.wait()

threads = [threading.Thread(target=idle, name="idle-%d" % i) for i in range(3)]
for t in threads:
    t.start()
print(threading.active_count())
print(sorted(t.name for t in threading.enumerate()))
print(threading.current_thread() is threading.main_thread(), threading.main_thread().name)
stop.set()
for t in threads:
    t.join()
print(threading.active_count(), [t.name for t in threading.enumerate()])
