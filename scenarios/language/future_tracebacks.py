# gilsim: expect=exception
# A worker's exception re-raised by `future.result()` and by iterating `executor.map(...)`
# prints the frames CPython's concurrent.futures adds (`result`, `__get_result`,
# `result_iterator`, `_result_or_cancel` from 3.10, and the worker's `run` in thread.py)
# with each release's lines and carets: printed by traceback.print_exc, and uncaught at the end.
import sys
import time
import traceback
from concurrent.futures import ThreadPoolExecutor


class RecordError(Exception):
    pass


def parse(record):
    time.sleep(record.get("delay", 0))
    if "id" not in record:
        raise RecordError("record %r has no id" % (record,))
    return record["id"]


with ThreadPoolExecutor(max_workers=2) as pool:
    finished = pool.submit(parse, {"name": "a"})
    time.sleep(0.1)
    try:
        finished.result()
    except RecordError:
        traceback.print_exc(file=sys.stdout)
    pending = pool.submit(parse, {"name": "b", "delay": 0.1})
    try:
        pending.result()
    except RecordError:
        traceback.print_exc(file=sys.stdout)
    try:
        for ident in pool.map(parse, [{"id": 1}, {"delay": 0.1}, {"id": 3}]):
            print("parsed", ident)
    except RecordError:
        traceback.print_exc(file=sys.stdout)
    try:
        list(pool.map(parse, [{"delay": 0.05}], timeout=5))
    except RecordError:
        traceback.print_exc(file=sys.stdout)
    print(pool.submit(parse, {"id": 7}).result())
    pool.submit(parse, {}).result()
