# gilsim: expect=ok
# A service's logging set up as the cookbook shows it: a TimedRotatingFileHandler (rolled
# over by the clock while worker threads log; a weekly or bad `when` is refused), a filter
# that adds each thread's request id from a threading.local, a MemoryHandler that flushes to
# a target on ERROR, a LoggerAdapter, a WatchedFileHandler that reopens its file after a
# logrotate-style rename, and a QueueHandler/QueueListener pair.
import logging
import logging.handlers
import os
import queue
import tempfile
import threading
import time

ctx = threading.local()


class ContextFilter(logging.Filter):
    def filter(self, record):
        record.request = getattr(ctx, "request", "-")
        return True


class ListHandler(logging.Handler):
    def __init__(self, sink):
        logging.Handler.__init__(self)
        self.sink = sink

    def emit(self, record):
        self.sink.append(self.format(record))


tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "app.log")
daily = logging.handlers.TimedRotatingFileHandler(path, when="midnight", backupCount=3)
daily.setFormatter(logging.Formatter("%(levelname)s %(threadName)s [%(request)s] %(message)s"))
daily.addFilter(ContextFilter())
flushed = []
memory = logging.handlers.MemoryHandler(capacity=3, flushLevel=logging.ERROR)
target = ListHandler(flushed)
target.setFormatter(logging.Formatter("%(name)s:%(levelname)s:%(message)s"))
memory.setTarget(target)
log = logging.getLogger("svc")
log.setLevel(logging.DEBUG)
log.addHandler(daily)
log.addHandler(memory)


def handle(n):
    ctx.request = "req-%d" % n
    log.info("handling %d", n)
    if n == 2:
        log.error("failed %d", n)


for i in range(4):
    t = threading.Thread(target=handle, args=(i,), name="h%d" % i)
    t.start()
    t.join()
logging.LoggerAdapter(log, {"request": "adapter"}).warning("via adapter")
memory.flush()
daily.close()
with open(path) as f:
    print(f.read(), end="")
print(flushed)
print(daily.when, daily.interval, daily.backupCount, daily.suffix)

every_second = os.path.join(tmp, "ticks.log")
rotating = logging.handlers.TimedRotatingFileHandler(every_second, when="S", interval=1, backupCount=2)
rotating.setFormatter(logging.Formatter("%(threadName)s %(message)s"))
ticks = logging.getLogger("ticks")
ticks.addHandler(rotating)
ticks.setLevel(logging.INFO)


def tick(n):
    for i in range(3):
        ticks.info("tick %d.%d", n, i)
        time.sleep(0.6)


workers = [threading.Thread(target=tick, args=(n,), name="t%d" % n) for n in range(2)]
for w in workers:
    w.start()
for w in workers:
    w.join()
rotating.close()
files = sorted(name for name in os.listdir(tmp) if name.startswith("ticks.log"))
lines = 0
for name in files:
    with open(os.path.join(tmp, name)) as f:
        lines += len(f.read().splitlines())
print("rotated:", len(files) > 1, "lines kept:", lines, rotating.suffix, rotating.interval)
for when in ["W7", "X", "W"]:
    try:
        logging.handlers.TimedRotatingFileHandler(path, when=when)
    except ValueError as e:
        print("ValueError:", e)

watched_path = os.path.join(tmp, "w.log")
watched = logging.handlers.WatchedFileHandler(watched_path)
wlog = logging.getLogger("watched")
wlog.addHandler(watched)
wlog.warning("before the rename")
os.rename(watched_path, watched_path + ".1")
wlog.warning("after the rename")
watched.close()
with open(watched_path) as new, open(watched_path + ".1") as old:
    print(repr(new.read()), repr(old.read()))

records = queue.Queue()
collected = []
listener = logging.handlers.QueueListener(records, ListHandler(collected), respect_handler_level=True)
listener.start()
queued = logging.getLogger("queued")
queued.addHandler(logging.handlers.QueueHandler(records))
queued.warning("one %s", "arg")
queued.error("two")
listener.stop()
print(collected)
