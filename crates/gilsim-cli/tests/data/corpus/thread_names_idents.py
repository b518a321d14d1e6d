# Modelled on examples printing thread names, daemon flags and reprs.
import threading


def show():
    t = threading.current_thread()
    print(t.name, t.daemon, t.is_alive(), isinstance(t.ident, int))


t = threading.Thread(target=show, name="custom")
print(t)
t.start()
t.join()
print(repr(t).startswith("<Thread(custom, stopped "))
print(threading.main_thread().name, threading.current_thread() is threading.main_thread())
u = threading.Thread(target=show)
u.start()
u.join()
