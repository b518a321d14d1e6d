# Modelled on file-polling workers that retry on ENOENT, check configuration keys against
# keyword.iskeyword, and wrap builtins.print to prefix the thread name.
import builtins
import errno
import keyword
import os
import tempfile
import threading
import time

_print_lock = threading.Lock()


def log(*args):
    with _print_lock:
        builtins.print(f"[{threading.current_thread().name}]", *args)


def wait_for_file(path, attempts):
    for attempt in range(1, attempts + 1):
        try:
            with open(path) as f:
                return f.read().strip(), attempt
        except OSError as exc:
            if exc.errno != errno.ENOENT:
                raise
            log("missing", os.path.basename(path), "errno", exc.errno, errno.errorcode[exc.errno])
            time.sleep(0.1)
    raise TimeoutError(path)


with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "ready.txt")
    found = []

    def reader():
        found.append(wait_for_file(path, 10))

    def writer():
        time.sleep(0.25)
        with open(path, "w") as f:
            f.write("ready\n")
        log("wrote", os.path.basename(path))

    threads = [threading.Thread(target=reader, name="reader"), threading.Thread(target=writer, name="writer")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    log("found", found)

config = {"timeout": 3, "class": "fast", "lambda": 0.5, "match": True, "workers": 4}
bad = sorted(k for k in config if keyword.iskeyword(k))
log("keys that are keywords:", bad, "identifiers:", sorted(k for k in config if k.isidentifier()))
log("errno values:", errno.EAGAIN, errno.EWOULDBLOCK, errno.ETIMEDOUT, errno.EEXIST)
try:
    os.mkdir(".")
except FileExistsError as exc:
    log("mkdir:", exc.errno == errno.EEXIST, type(exc).__name__)
log("builtins:", builtins.len("gilsim"), builtins.max(3, 9), builtins.__name__, builtins.open is open)
