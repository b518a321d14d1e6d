# gilsim: expect=ok
# logging.handlers as threaded services use them: records from worker threads through a
# QueueHandler to one QueueListener thread, and a RotatingFileHandler on the simulated disk
# rolling over to app.log.1 and app.log.2. (CPython runs it in /tmp/gilsim_rotate_probe.)
import logging
import logging.handlers
import queue
import threading

q = queue.Queue()
records = []


class ListHandler(logging.Handler):
    def emit(self, record):
        records.append(self.format(record))


listener_handler = ListHandler()
listener_handler.setFormatter(logging.Formatter("%(threadName)s:%(levelname)s:%(message)s"))
listener = logging.handlers.QueueListener(q, listener_handler)
logger = logging.getLogger("app")
logger.addHandler(logging.handlers.QueueHandler(q))
logger.setLevel(logging.INFO)
listener.start()


def work(n):
    logger.info("working on %d", n)


ts = [threading.Thread(target=work, args=(i,), name="w%d" % i) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
listener.stop()
print(sorted(records))

import os
from logging.handlers import RotatingFileHandler, QueueHandler, QueueListener
base = "/tmp/gilsim_rotate_probe"
os.makedirs(base, exist_ok=True)
path = os.path.join(base, "app.log")
h = RotatingFileHandler(path, maxBytes=60, backupCount=2)
h.setFormatter(logging.Formatter("%(threadName)s %(message)s"))
log = logging.getLogger("rot")
log.setLevel(logging.DEBUG)
log.addHandler(h)
def w(n):
    for i in range(3):
        log.info("worker %d message %d", n, i)
ts = [threading.Thread(target=w, args=(n,), name="T%d" % n) for n in range(2)]
for t in ts:
    t.start()
    t.join()
h.close()
for name in sorted(os.listdir(base)):
    print(name, open(os.path.join(base, name)).read().splitlines())
    os.remove(os.path.join(base, name))
os.rmdir(base)
q = queue.Queue()
lst = QueueListener(q, logging.StreamHandler(), respect_handler_level=True)
print(type(QueueHandler(q)).__name__, lst.respect_handler_level)
