# Modelled on service templates that configure logging with logging.config.dictConfig: named
# formatters (one a custom Formatter class through "()"), filters, console and file handlers,
# per-logger levels and propagation, loggers made before the call disabled unless a configured
# ancestor names them, threads logging through a filter, and an incremental reconfiguration.
import logging
import logging.config
import os
import tempfile
import threading

early = logging.getLogger("early")
early_child = logging.getLogger("svc.db")

class Upper(logging.Formatter):
    def format(self, record):
        return super().format(record).upper()

class OnlyEven(logging.Filter):
    def filter(self, record):
        return record.n % 2 == 0

workdir = tempfile.TemporaryDirectory()
LOG_PATH = os.path.join(workdir.name, "app.log")
CONFIG = {
    "version": 1,
    "formatters": {
        "plain": {"format": "%(name)s %(levelname)s %(message)s"},
        "shout": {"()": Upper, "fmt": "%(name)s: %(message)s"},
    },
    "filters": {"even": {"()": OnlyEven}, "svc_only": {"name": "svc"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "plain", "level": "INFO"},
        "loud": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "shout", "filters": ["even"]},
        "file": {"class": "logging.FileHandler", "filename": LOG_PATH, "mode": "w", "formatter": "plain"},
    },
    "loggers": {
        "svc": {"level": "DEBUG", "handlers": ["console", "file"], "propagate": False},
        "counter": {"level": "DEBUG", "handlers": ["loud"], "propagate": False},
    },
    "root": {"level": "ERROR", "handlers": ["console"]},
}
logging.config.dictConfig(CONFIG)
early.error("early is disabled: %s", early.disabled)
early_child.warning("child of a configured logger stays enabled")
logging.getLogger("svc").debug("debug goes to the file only")
counter = logging.getLogger("counter")
def count(n):
    counter.info("n=%d", n, extra={"n": n})
ts = [threading.Thread(target=count, args=(i,)) for i in range(4)]
for t in ts: t.start(); t.join()
logging.getLogger("misc").error("root handles this")
for h in logging.getLogger("svc").handlers:
    h.flush()
with open(LOG_PATH) as f:
    print(f.read().strip())
print(early.disabled, early_child.disabled, [h.name for h in logging.getLogger("svc").handlers])
logging.config.dictConfig({"version": 1, "incremental": True, "loggers": {"svc": {"level": "WARNING"}}})
print(logging.getLogger("svc").level)
try:
    logging.config.dictConfig({"version": 2})
except ValueError as e:
    print("ValueError:", e)
workdir.cleanup()
