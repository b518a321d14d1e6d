# gilsim: expect=ok
# Worker threads turning CSV files into JSON summaries with pathlib, as batch scripts do:
# write_text/read_text, glob and rglob, stat() sizes, with_suffix, relative_to, mkdir with
# exist_ok from several threads, PurePath.match from the right, samefile, and shutil's
# copy/move/rmtree over the result.
import csv
import json
import os
import pathlib
import shutil
import tempfile
import threading

base = pathlib.Path(tempfile.mkdtemp())
(base / "in").mkdir()
for i in range(5):
    rows = "".join(f"item{j},{i * j}\n" for j in range(4))
    (base / "in" / f"data_{i}.csv").write_text("name,value\n" + rows)
results = {}
lock = threading.Lock()


def process(path: pathlib.Path):
    with path.open(newline="") as f:
        rows = list(csv.DictReader(f))
    total = sum(int(r["value"]) for r in rows)
    with lock:
        results[path.stem] = total
    out = base / "out" / (path.stem + ".json")
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"file": path.name, "total": total, "rows": len(rows)}))


threads = [threading.Thread(target=process, args=(p,)) for p in sorted((base / "in").glob("*.csv"))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(dict(sorted(results.items())))
print(sorted(p.name for p in (base / "out").iterdir()))
print(json.loads((base / "out" / "data_3.json").read_text()))
print([p.relative_to(base).as_posix() for p in sorted(base.rglob("*.json"))][:2])
first = base / "in" / "data_0.csv"
print(first.exists(), first.is_file(), first.stat().st_size, first.lstat().st_size, first.with_suffix(".txt").name)
print(first.samefile(str(first)), first.is_symlink(), first.parent.name)
try:
    (base / "missing.csv").stat()
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
for path, pattern in [("a/b.py", "*.py"), ("/a/b/c.py", "b/*.py"), ("/a/b/c.py", "a/*.py"),
                      ("/a/b/c.py", "/*.py"), ("/a.py", "/*.py"), ("x.txt", "*.py"), ("a/b/c", "b/c")]:
    print(path, pattern, pathlib.PurePath(path).match(pattern))
shutil.copy(first, base / "copy.csv")
shutil.move(str(base / "copy.csv"), str(base / "moved.csv"))
shutil.rmtree(base / "out")
print(sorted(os.listdir(base)))
