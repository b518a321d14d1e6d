# gilsim: expect=ok
# Files as threaded programs use them, on the run's simulated disk: workers append lines to
# one log under a lock, a logging.FileHandler writes records, results are written and read
# back in text and binary modes; os and os.path calls, and CPython's errors and reprs.
# (CPython runs it in /tmp/gilsim_files_scenario and removes what it made.)
import logging
import os
import threading

base = "/tmp/gilsim_files_scenario"
os.makedirs(base + "/out", exist_ok=True)
log_path = os.path.join(base, "workers.log")
lock = threading.Lock()


def worker(n):
    for step in range(3):
        with lock:
            with open(log_path, "a") as log:
                log.write("worker %d step %d\n" % (n, step))


with open(log_path, "w") as log:
    print("start", file=log)
threads = [threading.Thread(target=worker, args=(n,)) for n in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
with open(log_path) as log:
    lines = log.readlines()
print(len(lines), lines[0].strip(), sorted(line.strip() for line in lines[1:])[:4])

handler = logging.FileHandler(os.path.join(base, "app.log"), mode="w")
handler.setFormatter(logging.Formatter("%(levelname)s %(threadName)s %(message)s"))
logger = logging.getLogger("files")
logger.addHandler(handler)
logger.setLevel(logging.INFO)
workers = [threading.Thread(target=logger.info, args=("record %d", i), name="log-%d" % i) for i in range(3)]
for t in workers:
    t.start()
for t in workers:
    t.join()
handler.close()
print(sorted(open(os.path.join(base, "app.log")).read().splitlines()))
print(repr(handler).replace(base, "BASE"))

results = os.path.join(base, "out", "results.txt")
with open(results, "w", encoding="utf-8") as f:
    print(repr(f).replace(base, "BASE"), f.mode, f.encoding, f.closed, f.writable(), f.readable())
    f.write("naïve café\n")
    f.writelines(["%d squared is %d\n" % (i, i * i) for i in range(3)])
    print(f.tell())
print(f.closed)
with open(results, encoding="utf-8") as f:
    print(f.readline(), end="")
    for line in f:
        print("line:", line.rstrip())
    print(repr(f.read()), f.seek(0), f.read(5))
with open(results, "rb") as f:
    print(repr(f).replace(base, "BASE"), f.read(7), len(f.read()))
with open(os.path.join(base, "blob.bin"), "wb") as f:
    print(f.write(bytes(range(250, 256)) + b"\r\n"))
with open(os.path.join(base, "blob.bin"), "rb") as f:
    print(f.read(), os.path.getsize(os.path.join(base, "blob.bin")))
with open(os.path.join(base, "mixed.txt"), "w+") as f:
    f.write("one\r\ntwo\rthree\n")
    f.seek(0)
    print(f.read().split("\n"))

print(sorted(os.listdir(base)), os.listdir(os.path.join(base, "out")))
print(os.path.exists(results), os.path.isfile(results), os.path.isdir(base + "/out"), os.path.exists(base + "/nope"))
os.rename(results, os.path.join(base, "renamed.txt"))
print(os.path.exists(results), os.path.basename(os.path.join(base, "renamed.txt")))

attempts = [
    lambda: open(os.path.join(base, "missing.txt")),
    lambda: open(base, "w"),
    lambda: open(log_path, "x"),
    lambda: open(log_path, "rw"),
    lambda: open(log_path, "q"),
    lambda: open(log_path, "rb", encoding="utf-8"),
    lambda: open(os.path.join(base, "nodir", "f.txt"), "w"),
    lambda: open(log_path).write("x"),
    lambda: open(log_path, "a").read(),
    lambda: open(log_path, "w").write(b"bytes"),
    lambda: open(log_path, "wb").write("text"),
    lambda: os.remove(os.path.join(base, "missing.txt")),
    lambda: os.mkdir(base),
    lambda: os.rmdir(base),
    lambda: os.listdir(log_path),
]
for attempt in attempts:
    try:
        attempt()
    except (OSError, ValueError, TypeError) as e:
        print(type(e).__name__, str(e).replace(base, "BASE"), getattr(e, "errno", None))
closed = open(log_path)
closed.close()
try:
    closed.read()
except ValueError as e:
    print("ValueError:", e)
e = OSError(2, "No such file or directory", "x.txt")
print(type(e).__name__, e.args, e.errno, e.strerror, e.filename, e)

for name in ["workers.log", "app.log", "renamed.txt", "blob.bin", "mixed.txt"]:
    os.remove(os.path.join(base, name))
os.rmdir(os.path.join(base, "out"))
os.rmdir(base)
print(os.path.exists(base))
