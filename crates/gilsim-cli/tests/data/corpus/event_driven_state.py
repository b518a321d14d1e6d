# Modelled on examples coordinating stages with several threading.Event objects.
import threading
import time

ready = threading.Event()
go = threading.Event()
finished = threading.Event()
log = []
log_lock = threading.Lock()


def note(msg):
    with log_lock:
        log.append(msg)


def setup():
    time.sleep(0.1)
    note("setup done")
    ready.set()


def runner():
    ready.wait()
    note("runner sees ready")
    go.wait(timeout=1.0)
    note("runner going, go set=%s" % go.is_set())
    finished.set()


def controller():
    if not ready.wait(timeout=0.05):
        note("controller: not ready after 0.05s")
    ready.wait()
    time.sleep(0.05)
    note("controller: start")
    go.set()


ts = [threading.Thread(target=f) for f in (setup, runner, controller)]
for t in ts:
    t.start()
finished.wait()
for t in ts:
    t.join()
for line in log:
    print(line)
print(ready.is_set(), go.is_set(), finished.is_set())
