# gilsim: expect=exception
# A program that installs its own sys.excepthook to log crashes: an exception escaping the
# main module goes to the hook (a worker thread's goes to threading.excepthook instead, which
# prints it as usual), the hook hands it on to sys.__excepthook__ for the usual report, and
# a second hook that fails itself gets CPython's "Error in sys.excepthook" report.
import sys
import threading

crash_log = []


def log_crash(kind, value, tb):
    frames = []
    entry = tb
    while entry is not None:
        frames.append((entry.tb_frame.f_code.co_name, entry.tb_lineno))
        entry = entry.tb_next
    crash_log.append((kind.__name__, str(value), frames))
    print("crash logged:", crash_log[-1], file=sys.stderr)
    sys.__excepthook__(kind, value, tb)
    raise RuntimeError("the crash log is full")


sys.excepthook = log_crash
print(sys.excepthook is log_crash, sys.__excepthook__ is not log_crash)


def worker():
    raise KeyError("worker's own error")


t = threading.Thread(target=worker, name="worker")
t.start()
t.join()
print("the worker's error did not reach the hook:", crash_log)


def load(path):
    raise FileNotFoundError(2, "No such file or directory", path)


load("settings.ini")
