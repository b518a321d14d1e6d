# gilsim: expect=ok
# A disk-usage report made by a pool of scanner threads, as backup and cleanup tools do:
# the main thread lays out a small tree of files in a temporary directory, workers take
# directories from a queue, list them with os.scandir, stat each file and add up sizes
# per extension under a lock; then the report, stat's mode predicates and filemode, and
# the errors and strerror texts of a missing path.
import os
import queue
import stat
import tempfile
import threading

root = tempfile.mkdtemp()
layout = {
    "logs/app.log": 1200,
    "logs/old/app.1.log": 800,
    "data/rows.csv": 4096,
    "data/cache/blob.bin": 10000,
    "README.txt": 42,
}
for relative, size in layout.items():
    target = os.path.join(root, relative)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w") as f:
        f.write("x" * size)

pending = queue.Queue()
pending.put(root)
totals = {}
counted = []
totals_lock = threading.Lock()


def scanner():
    while True:
        directory = pending.get()
        if directory is None:
            pending.task_done()
            return
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.is_dir():
                    pending.put(entry.path)
                elif entry.is_file():
                    ext = os.path.splitext(entry.name)[1] or "(none)"
                    with totals_lock:
                        totals[ext] = totals.get(ext, 0) + entry.stat().st_size
                        counted.append(os.path.relpath(entry.path, root))
        pending.task_done()


workers = [threading.Thread(target=scanner, name="scan-%d" % i) for i in range(3)]
for w in workers:
    w.start()
pending.join()
for _ in workers:
    pending.put(None)
for w in workers:
    w.join()

print(sorted(totals.items()))
print(sorted(counted))
print(sum(totals.values()) == sum(layout.values()))

info = os.stat(os.path.join(root, "data", "rows.csv"))
# Permission bits depend on the umask: only the file types are printed.
print(type(info).__name__, info.st_size, oct(stat.S_IFMT(info.st_mode)), info.st_nlink, len(info), info[stat.ST_SIZE])
logs = os.path.join(root, "logs")
print(stat.S_ISREG(info.st_mode), stat.S_ISDIR(info.st_mode), stat.S_ISDIR(os.stat(logs).st_mode))
print(stat.filemode(info.st_mode)[0], stat.filemode(os.stat(logs).st_mode)[0], stat.filemode(0o100644), stat.filemode(0o40755))
print(isinstance(info.st_mtime, float), info.st_mtime == os.path.getmtime(os.path.join(root, "data", "rows.csv")))
print(isinstance(info.st_mtime_ns, int), os.lstat(logs).st_mode == os.stat(logs).st_mode)
listing = sorted(os.scandir(root), key=lambda e: e.name)
print([repr(e) for e in listing], [e.is_dir() for e in listing], [e.is_symlink() for e in listing])
print(os.fspath(listing[0]) == os.path.join(root, listing[0].name))
try:
    os.stat(os.path.join(root, "missing.txt"))
except FileNotFoundError as error:
    print(type(error).__name__, error.errno, error.strerror)
print(os.strerror(2), "|", os.strerror(13), "|", os.strerror(39), "|", os.strerror(4000))
