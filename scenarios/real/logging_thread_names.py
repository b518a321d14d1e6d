# gilsim: expect=ok
# Source: the threading tutorials' way of seeing which thread does what (PyMOTW's "threading"
# chapter style): logging.basicConfig with %(threadName)s in the format, to stderr, workers
# that sleep for different times, one of them a daemon that main joins with a timeout.
import logging
import threading
import time

logging.basicConfig(level=logging.DEBUG, format="(%(threadName)-10s) %(levelname)-8s %(message)s")


def worker(pause):
    logging.debug("starting, will sleep %.2f s", pause)
    time.sleep(pause)
    logging.debug("exiting")


def daemon():
    logging.info("daemon starting")
    time.sleep(2.0)
    logging.info("daemon exiting (never printed)")


d = threading.Thread(name="daemon", target=daemon, daemon=True)
d.start()
workers = [threading.Thread(name="worker-%d" % i, target=worker, args=(0.1 * (i + 1),)) for i in range(3)]
for w in workers:
    w.start()
for w in workers:
    w.join()
d.join(0.2)
logging.warning("daemon alive after join(0.2): %s", d.is_alive())
