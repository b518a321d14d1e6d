# Modelled on PyMOTW "threading_names_log": logging with the thread name in the format.
import logging
import threading
import time

logging.basicConfig(level=logging.DEBUG, format="[%(levelname)s] (%(threadName)-10s) %(message)s")


def worker():
    logging.debug("Starting")
    time.sleep(0.2)
    logging.debug("Exiting")


def my_service():
    logging.debug("Starting")
    time.sleep(0.3)
    logging.debug("Exiting")


t = threading.Thread(name="my_service", target=my_service)
w = threading.Thread(name="worker", target=worker)
w2 = threading.Thread(target=worker)
w.start()
time.sleep(0.01)
w2.start()
time.sleep(0.01)
t.start()
for th in (w, w2, t):
    th.join()
logging.info("done")
