# gilsim: expect=ok
# A service installs threading.excepthook (3.8+) to log what escapes its worker threads with
# the full traceback: the hook's args carry the exception's traceback, which begins in
# threading.py's _bootstrap_inner and run, as CPython's does, and can be formatted, walked and
# summarized (a Thread subclass's run, or Thread.run calling a target). Before 3.8 the
# subclass reports through the same function from its run().
import sys
import threading
import traceback
from collections import namedtuple

reports = []


def log_failure(args):
    lines = traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)
    tb = args.exc_traceback
    depth = 0
    while tb.tb_next is not None:
        tb = tb.tb_next
        depth += 1
    summary = traceback.extract_tb(args.exc_traceback)
    reports.append((args.thread.name, args.exc_type.__name__, str(args.exc_value), depth,
                    tb.tb_frame.f_code.co_name, tb.tb_lineno, [s.name for s in summary][-2:], lines[-1]))
    print("".join(lines[-3:]), end="")


HookArgs = namedtuple("HookArgs", "exc_type exc_value exc_traceback thread")


class Worker(threading.Thread):
    def __init__(self, text):
        threading.Thread.__init__(self, name="job-%s" % text)
        self.text = text

    def run(self):
        if hasattr(threading, "excepthook"):
            job(self.text)
            return
        try:
            job(self.text)
        except Exception:
            log_failure(HookArgs(*sys.exc_info(), self))


def parse(text):
    return int(text)


def job(text):
    return parse(text) * 2


if hasattr(threading, "excepthook"):
    threading.excepthook = log_failure

workers = [Worker(text) for text in ("12", "x1", "")]
if hasattr(threading, "excepthook"):
    workers.append(threading.Thread(target=job, args=("0x",), name="plain"))
for w in workers:
    w.start()
    w.join()
for report in reports:
    print(report[:4], report[4:7])
    print(" ", report[7], end="")
