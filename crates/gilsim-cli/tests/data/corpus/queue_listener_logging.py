# Modelled on the logging cookbook: QueueHandler on the root logger and a QueueListener writing for every thread.
import logging
import logging.handlers
import queue
import threading
import sys

q = queue.Queue(-1)
listener_handler = logging.StreamHandler(sys.stdout)
listener_handler.setFormatter(logging.Formatter("%(threadName)-9s %(levelname)s %(message)s"))
listener = logging.handlers.QueueListener(q, listener_handler, respect_handler_level=True)
root = logging.getLogger()
root.addHandler(logging.handlers.QueueHandler(q))
root.setLevel(logging.DEBUG)
listener.start()


def work(n):
    log = logging.getLogger("w%d" % n)
    log.info("hello from %d", n)
    log.debug("debug %s", [n] * 2)


ts = [threading.Thread(target=work, args=(i,), name="w%d" % i) for i in range(3)]
for t in ts:
    t.start()
    t.join()
logging.warning("main done")
listener.stop()
print("listener stopped", q.qsize())
