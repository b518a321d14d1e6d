# Modelled on public logging-with-threads tutorials (threadName in the format, DEBUG level).
import logging
import threading
import time

logging.basicConfig(level=logging.DEBUG, format="(%(threadName)-9s) %(levelname)s %(message)s")


def worker(delay):
    logging.debug("starting, delay=%s", delay)
    time.sleep(delay)
    logging.info("done after %.2f", delay)


def my_service():
    logging.warning("service running")


t1 = threading.Thread(name="worker", target=worker, args=(0.1,))
t2 = threading.Thread(target=worker, args=(0.2,))
svc = threading.Thread(name="my_service", target=my_service)
for t in (t1, t2, svc):
    t.start()
for t in (t1, t2, svc):
    t.join()
log = logging.getLogger("app.db")
log.error("connection %d lost", 3)
logging.getLogger().setLevel(logging.ERROR)
logging.info("hidden")
logging.error("shown")
