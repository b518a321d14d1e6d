# Modelled on per-request context in threading.local shown through logging.
import logging
import threading
import sys

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG, format="[%(threadName)-9s] %(levelname)-5s %(message)s")
context = threading.local()

def handle(request_id):
    context.request_id = request_id
    step("parse")
    step("respond")

def step(name):
    logging.debug("request %s: %s", context.request_id, name)

for rid in ("r1", "r2"):
    t = threading.Thread(target=handle, args=(rid,), name="handler-" + rid)
    t.start()
    t.join()
logging.info("has request id in main? %s", hasattr(context, "request_id"))
