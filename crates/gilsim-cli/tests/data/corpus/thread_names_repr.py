# Modelled on examples printing thread objects and their attributes.
import threading
import time


def task():
    time.sleep(0.05)


t1 = threading.Thread(target=task, name="Downloader")
t2 = threading.Thread(target=task, daemon=True)
print(t1.name, t2.name, t1.daemon, t2.daemon, t1.ident is None)
t1.start()
t2.start()
print(t1.is_alive(), t2.is_alive(), isinstance(t1.ident, int))
t1.join()
t2.join()
print(t1.is_alive(), repr(threading.current_thread()).startswith("<_MainThread(MainThread, started"))
print(threading.main_thread().name, threading.active_count())
