# Modelled on request-id logging with threading.local and a logging.Filter.
import logging
import sys
import threading
import time

ctx = threading.local()


class RequestFilter(logging.Filter):
    def filter(self, record):
        record.request_id = getattr(ctx, "request_id", "-")
        return True


handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("%(request_id)s %(threadName)s %(levelname)s %(message)s"))
handler.addFilter(RequestFilter())
log = logging.getLogger("app")
log.addHandler(handler)
log.setLevel(logging.INFO)


def handle(request_id, delay):
    ctx.request_id = request_id
    time.sleep(delay)
    log.info("handling")
    time.sleep(delay)
    log.warning("done")


threads = [threading.Thread(target=handle, args=("req-%d" % i, (0.1, 0.25, 0.45)[i]), name="worker-%d" % i) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
log.info("main finished")
