# gilsim: expect=ok
# Source: the threading tutorials' way of seeing which thread does what (PyMOTW's "threading"
# chapter style): logging.basicConfig with %(threadName)s in the format, to stderr, workers
# that sleep for different times, one of them a daemon that main joins with a timeout. Main
# starts the next thread once the last one has logged that it started (an Event), so the order
# of the lines is fixed by the program, not by the OS.
import logging
import threading
import time

logging.basicConfig(level=logging.DEBUG, format="(%(threadName)-10s) %(levelname)-8s %(message)s")
started = threading.Event()


def worker(pause):
    logging.debug("starting, will sleep %.2f s", pause)
    started.set()
    time.sleep(pause)
    logging.debug("exiting")


def daemon():
    logging.info("daemon starting")
    started.set()
    time.sleep(2.0)
    logging.info("daemon exiting (never printed)")


d = threading.Thread(name="daemon", target=daemon, daemon=True)
workers = [threading.Thread(name="worker-%d" % i, target=worker, args=(0.1 * (i + 1),)) for i in range(3)]
for t in [d] + workers:
    t.start()
    started.wait()
    started.clear()
for w in workers:
    w.join()
d.join(0.2)
logging.warning("daemon alive after join(0.2): %s", d.is_alive())
