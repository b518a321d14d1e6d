# Built-in types refuse new attributes (TypeError, worded per version), while
# threading.Thread, a Python class in CPython, can be patched like any other class.
# gilsim: expect=ok
import threading

for kind in (int, list, dict, Exception, ValueError, type(threading.Lock()), threading.local):
    try:
        kind.tag = "patched"
    except TypeError as e:
        print("set:", e)
    try:
        del kind.__str__
    except TypeError as e:
        print("del:", e)

threading.Thread.tag = "patched"
print("Thread.tag =", threading.Thread.tag)
del threading.Thread.tag
print("has tag after del:", hasattr(threading.Thread, "tag"))
