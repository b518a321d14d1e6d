# gilsim: expect=ok
# pathlib on the simulated disk: paths joined with /, their parts and suffixes, threads
# appending to one file through Path.open under a lock, read_text/write_bytes, iterdir and
# glob, rename, unlink and rmdir. (CPython runs it in /tmp/gilsim_pathlib_probe and removes it.)
from pathlib import Path, PurePosixPath
import os, threading
base = Path("/tmp") / "gilsim_pathlib_probe"
base.mkdir(parents=True, exist_ok=True)
p = base / "data" / "report.final.txt"
print(repr(p), str(p), p.name, p.stem, p.suffix, p.suffixes, p.parent.name, p.parts[:3], p.is_absolute())
print(Path("a//b/./c"), Path("a/../b"), Path(), Path("x") / "/abs", PurePosixPath("q/w.tar.gz").with_suffix(".zip"))
p.parent.mkdir(exist_ok=True)
lock = threading.Lock()
def write(n):
    with lock:
        with p.open("a") as f:
            f.write("line %d\n" % n)
ts = [threading.Thread(target=write, args=(i,)) for i in range(3)]
[t.start() for t in ts]; [t.join() for t in ts]
print(sorted(p.read_text().splitlines()), p.exists(), p.is_file(), p.parent.is_dir())
(base / "a.log").write_text("x")
(base / "b.bin").write_bytes(b"\x00\x01")
print(sorted(x.name for x in base.iterdir()), [x.name for x in base.glob("*.log")], (base / "b.bin").read_bytes())
print(p.relative_to(base), p.with_name("other.txt").name, Path("a/b").joinpath("c", "d"), Path("a") == Path("a/"), os.path.join(Path("a"), "b"))
(base / "a.log").rename(base / "c.log")
print(sorted(os.listdir(base)), (base / "c.log").exists())
for f in [p, base / "c.log", base / "b.bin"]:
    f.unlink()
p.parent.rmdir(); base.rmdir()
print(base.exists())
try:
    (base / "missing.txt").read_text()
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
