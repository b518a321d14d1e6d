# gilsim: expect=ok
# Source: a pattern from concurrent.futures tutorials: logging from tasks run by a thread
# pool, with the pool's thread names in the records, to stdout.
import concurrent.futures
import logging
import sys
import time

logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(threadName)s %(funcName)s: %(message)s")
log = logging.getLogger(__name__)


def fetch(item):
    # Staggered starts keep CPython's record order the same on a loaded machine.
    time.sleep(0.05 * item)
    log.info("fetching %s", item)
    time.sleep(0.1 * (3 - item))
    log.info("done with %s", item)
    return item * 10


with concurrent.futures.ThreadPoolExecutor(max_workers=3, thread_name_prefix="fetcher") as pool:
    total = sum(pool.map(fetch, range(3)))
log.info("total %d", total)
