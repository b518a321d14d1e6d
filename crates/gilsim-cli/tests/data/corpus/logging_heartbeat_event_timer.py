# Modelled on public heartbeat-thread examples: Event.wait(interval) as a stoppable sleep, logging with threadName, a Timer fired and a Timer cancelled.
import threading
import logging
import time

logging.basicConfig(format="%(asctime)s %(levelname)-8s [%(threadName)s] %(name)s: %(message)s"[19:], level=logging.DEBUG)
log = logging.getLogger("app.worker")
stop = threading.Event()

def heartbeat(interval):
    count = 0
    while not stop.wait(interval):
        count += 1
        log.debug("beat %d", count)
    log.info("stopping after %d beats", count)
    return count

t = threading.Thread(target=heartbeat, args=(0.05,), name="hb")
t.start()
time.sleep(0.175)
stop.set()
t.join()
log.warning("joined: alive=%s", t.is_alive())
timer = threading.Timer(0.01, lambda: log.error("timer fired"))
timer.start()
timer.join()
t2 = threading.Timer(1, print, args=("never",))
t2.start(); t2.cancel(); t2.join()
print("cancelled", t2.finished.is_set())
