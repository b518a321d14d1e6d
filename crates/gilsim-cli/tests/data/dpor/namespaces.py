# A global written by one thread and read by another through the module's namespaces:
# `globals()`, `import __main__` and `sys.modules`, and written back through `__main__`.
import sys
import threading

import __main__

x = 0


def writer():
    global x
    x = 1


def reader():
    print(globals()["x"], __main__.x, sys.modules["__main__"].x)
    __main__.x = 2


a = threading.Thread(target=writer)
b = threading.Thread(target=reader)
a.start()
b.start()
a.join()
b.join()
print(x)
