# gilsim: expect=ok
# A log call whose message does not format — too many arguments, `%d` of a string, a missing
# key — is not an exception in the caller: the handler reports it as CPython's does, with the
# traceback through logging's own frames, the stack of the call that logged (a thread's
# shows threading.py's frames) and the record. The report goes to stderr, here stdout.
import logging
import sys
import threading

sys.stderr = sys.stdout
logging.basicConfig(level=logging.DEBUG, format="%(threadName)s %(levelname)s %(message)s", stream=sys.stdout)
log = logging.getLogger("app")


def work(n):
    log.info("got %d items", "many")
    log.debug("two", n, n)
    log.info("fine %s", n)


t = threading.Thread(target=work, args=(1,), name="W")
t.start()
t.join()
log.error("%(key)s", {"nokey": 1})
log.warning("value", 5)
print("still running")
