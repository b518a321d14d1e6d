# gilsim: expect=exception
# A worker pool that keeps its failures for later, as command-line tools do: each worker
# parses its own option list with getopt (getopt and gnu_getopt, long options by unique
# prefix, GetoptError's msg and opt), and a failure is kept as a TracebackException and
# printed with traceback's `limit` (the first frames, or the last with a negative limit; no
# header when none is left, from 3.8) and `chain=False` (only the last exception of a
# chain). The last option list is refused outside any handler: its report shows getopt.py's
# own frames at CPython's lines.
import getopt
import threading
import traceback

jobs = [
    ["-v", "-n", "3", "input.txt"],
    ["--count=2", "--verb", "a", "b"],
    ["-x"],
    ["--count"],
    ["--c", "1"],
    ["file", "-v"],
]
LONG = ["count=", "verbose", "verify"]
kept = {}
lock = threading.Lock()


def parse(args):
    try:
        opts, rest = getopt.getopt(args, "vn:", LONG)
    except getopt.GetoptError as err:
        raise ValueError("bad options %s" % args) from err
    return opts, rest, getopt.gnu_getopt(args, "vn:", LONG)


def worker(i, args):
    try:
        result = parse(args)
    except ValueError as exc:
        result = traceback.TracebackException.from_exception(exc)
    with lock:
        kept[i] = result


threads = [threading.Thread(target=worker, args=(i, args)) for i, args in enumerate(jobs)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for i in range(len(jobs)):
    result = kept[i]
    if not isinstance(result, traceback.TracebackException):
        print(i, result)
        continue
    cause = result.__cause__
    print(i, result, "| caused by:", cause, [frame.name for frame in cause.stack])
    print("".join(result.format(chain=False)), end="")
    print(list(result.format_exception_only()))

try:
    parse(["-n"])
except ValueError as exc:
    for limit in (None, 1, 0, -1):
        print("--- limit", limit)
        traceback.print_exc(limit=limit)
    print(traceback.format_exc(limit=2, chain=False), end="")
    print(len(traceback.format_exception(type(exc), exc, exc.__traceback__, limit=-2)))
    error = exc.__cause__
    print(repr(error), error.msg, error.opt, error.args)
getopt.gnu_getopt(["--ver"], "", LONG)
