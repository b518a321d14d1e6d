# gilsim: expect=ok
# Source: the logging HOWTO's concepts (named loggers in a dotted hierarchy, levels set on a
# parent, handlers with formatters, propagation, filters, `extra` fields, logging an
# exception), written to stdout so the output can be compared line by line.
import logging
import sys

handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("%(levelname)-8s %(name)-10s %(funcName)s:%(lineno)d %(message)s"))
app = logging.getLogger("app")
app.addHandler(handler)
app.setLevel(logging.INFO)
db = logging.getLogger("app.db")
net = logging.getLogger("app.net")

print(db.getEffectiveLevel(), db.parent.name, logging.getLogger("app.db") is db)
db.debug("not shown: below INFO")
db.info("connected to %s", "primary")
net.warning("retrying %d of %d", 1, 3)


class OnlyRetries(logging.Filter):
    def filter(self, record):
        return "retry" in record.getMessage()


net.addFilter(OnlyRetries())
net.warning("retrying %d of %d", 2, 3)
net.warning("gave up")
net.removeFilter(net.filters[0])

audit = logging.StreamHandler(sys.stdout)
audit.setFormatter(logging.Formatter("AUDIT %(user)s %(message)s"))
audit_log = logging.getLogger("audit")
audit_log.addHandler(audit)
audit_log.propagate = False
audit_log.warning("logged in", extra={"user": "ada"})


def load(path):
    try:
        raise FileNotFoundError("no such file: " + path)
    except FileNotFoundError:
        db.exception("could not load %s", path)


load("config.ini")
logging.getLogger("app.db.pool").error("pool exhausted")
print(logging.getLevelName(logging.WARNING), logging.getLevelName(25), logging.getLevelName("ERROR"))
logging.disable(logging.ERROR)
db.error("silenced by disable()")
logging.disable(logging.NOTSET)
db.critical("back")
