# F30: the main thread's traceback is printed first, then the interpreter waits for the
# non-daemon worker; exit status 1.
# gilsim: expect=exception
import threading
import time


def worker():
    time.sleep(0.1)
    print("normal worker done")


threading.Thread(target=worker).start()
raise RuntimeError("main dies")
