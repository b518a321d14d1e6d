# A thread asked to raise an exception (ctypes' SetAsyncExc) at every point of its run, or
# after it has finished (0 threads found), or before its try block (the exception escapes).
import ctypes
import threading

log = []


def work():
    try:
        for i in range(2):
            log.append(i)
    except KeyError:
        log.append("stopped")


t = threading.Thread(target=work)
t.start()
found = ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_long(t.ident), ctypes.py_object(KeyError))
t.join()
print(found, log)
