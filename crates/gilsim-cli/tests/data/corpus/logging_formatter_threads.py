# Modelled on the logging cookbook: a Filter adding a record attribute, padded format fields, child loggers, basicConfig.
import logging
import threading
import sys

class ThreadTagFilter(logging.Filter):
    def filter(self, record):
        record.tag = record.threadName.upper()
        return True

log = logging.getLogger("app")
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("[%(tag)-10s] %(levelname)-7s %(name)s.%(funcName)s:%(message)s"))
h.addFilter(ThreadTagFilter())
log.addHandler(h)
log.setLevel(logging.DEBUG)
log.propagate = False

def work(n):
    log.debug("start %d", n)
    if n == 2:
        log.warning("odd job %s", n)
    child = log.getChild("sub")
    child.info("child logger level=%s eff=%s", child.level, logging.getLevelName(child.getEffectiveLevel()))

ts = [threading.Thread(target=work, args=(i,), name=f"w{i}") for i in range(3)]
for t in ts:
    t.start()
    t.join()
log.error("done: %r", [t.name for t in ts])
logging.basicConfig(level=logging.INFO, format="%(levelname)s:%(threadName)s:%(message)s", stream=sys.stdout)
logging.info("root says hi")
logging.debug("not shown")
print(logging.getLogger().level, log.handlers[0].formatter._fmt[:6])
