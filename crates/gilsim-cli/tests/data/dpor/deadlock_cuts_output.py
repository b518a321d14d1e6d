# Two workers join each other (a deadlock nothing can break, reported the moment it
# closes); another worker fails with an exception, and the main thread fails too. The run
# stops when the deadlock closes, so which tracebacks were printed by then depends on where
# the deadlocking steps fall among the others' steps.
import threading


def broken():
    return missing_name


threading.Thread(target=broken).start()
a = threading.Thread(target=lambda: b.join())
b = threading.Thread(target=lambda: a.join())
a.start()
b.start()
undefined_thread.start()
