# Modelled on logging tutorials with padded %(levelname)-8s and %(threadName)-10s formats.
import logging
import threading
import time

logging.basicConfig(level=logging.DEBUG, format="%(levelname)-8s [%(threadName)-10s] %(name)s: %(message)s")
log = logging.getLogger("app.worker")
other = logging.getLogger("app")


def work(n):
    log.debug("starting %d", n)
    time.sleep(0.01 * n)
    if n == 2:
        log.warning("slow item %s", n)
    try:
        1 / (n - 1)
    except ZeroDivisionError:
        log.exception("failed on %d", n)
    log.info("done %d", n)


ts = [threading.Thread(target=work, args=(i,), name=f"W{i}") for i in range(3)]
for t in ts:
    t.start()
    t.join()
other.setLevel(logging.ERROR)
other.info("hidden")
log.error("still shown? %s", log.getEffectiveLevel())
print(log.parent is other, other.parent.name, logging.getLevelName(30), log.isEnabledFor(logging.INFO))
logging.log(logging.CRITICAL, "root critical")
