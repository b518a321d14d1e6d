# Modelled on the logging cookbook: QueueHandler in threads, QueueListener writing the records.
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
