# gilsim: expect=ok
# A done-callback that raises does not stop the pool: concurrent.futures logs it on its
# "concurrent.futures" logger ("exception calling callback for <Future ...>" with the
# traceback, through the frame in _base.py that called it) — from the worker that finished
# the future, or from the thread adding a callback to a future already done (3.6 lets that
# one propagate to the caller). With logging configured the record takes the script's format
# and filters; a filter here names the future by its result, as reprs carry addresses.
import logging
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

logging.basicConfig(level=logging.INFO, stream=sys.stdout,
                    format="%(levelname)s %(name)s [%(threadName)s] %(message)s")


class NameTheFuture(logging.Filter):
    def filter(self, record):
        future = record.args[0]
        record.args = ("<future of %r>" % (future.result(),),)
        return True


logging.getLogger("concurrent.futures").addFilter(NameTheFuture())

finished = threading.Event()


def check_total(future):
    total = future.result()
    if total % 2:
        raise ValueError("odd total %d" % total)
    print("callback saw", total)


def work(n):
    finished.wait()
    return sum(range(n))


with ThreadPoolExecutor(max_workers=1, thread_name_prefix="summer") as pool:
    pending = [pool.submit(work, n) for n in (4, 6)]
    for future in pending:
        future.add_done_callback(check_total)
    finished.set()
    results = [future.result() for future in pending]
    done = pool.submit(work, 3)
    done.result()
    try:
        done.add_done_callback(check_total)
        print("added to a done future: logged")
    except ValueError as error:
        print("added to a done future: raised", error)
print("results", results, done.result())
