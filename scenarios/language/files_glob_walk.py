# gilsim: expect=ok
# glob, fnmatch and os.walk over the run's files: worker threads write a small tree, the
# main thread finds files by pattern (`*`, `?`, `[seq]`, `**` with recursive=True; names
# starting with a dot only by a pattern that does) and walks it top-down and bottom-up.
# (CPython runs it in /tmp/gilsim_glob_scenario and removes what it made.)
import fnmatch
import glob
import os
import shutil
import threading

base = "/tmp/gilsim_glob_scenario"
shutil.rmtree(base, ignore_errors=True)
tree = os.path.join(base, "tree")
os.makedirs(os.path.join(tree, "logs", "old"))
names = ["a.txt", "b.log", ".hidden.txt", "logs/c.log", "logs/old/d.log", "logs/e.csv", "f1.txt", "f2.txt"]


def write(part):
    for name in part:
        with open(os.path.join(tree, name), "w") as f:
            f.write(name.upper())


def find(pattern, **options):
    return sorted(os.path.relpath(p, base) for p in glob.glob(os.path.join(base, pattern), **options))


threads = [threading.Thread(target=write, args=(names[i::2],)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print(find("tree/*.txt"))
print(find("tree/.*"), find("tree/f[0-9].txt"), find("tree/?.log"))
print(find("tree/**/*.log", recursive=True))
print(find("tree/**", recursive=True))
print(find("tree/logs/"), find("missing/*"), glob.has_magic("a*"), glob.escape("x[1]?.txt"))
print(sorted(os.path.basename(p) for p in glob.iglob(os.path.join(tree, "*", "*.c?v"))))
print(fnmatch.fnmatch("notes.TXT", "*.TXT"), fnmatch.fnmatchcase("a.txt", "A.*"))
print(fnmatch.filter(["x1", "y2", "x3", "x"], "x?"), fnmatch.translate("*.py"), fnmatch.translate("[!a-c]?"))
for root, dirs, files in os.walk(tree):
    print(os.path.relpath(root, base), sorted(dirs), sorted(files))
print([os.path.relpath(root, base) for root, _, _ in os.walk(tree, topdown=False)])
sizes = {}
for root, _, files in os.walk(tree):
    for name in files:
        path = os.path.join(root, name)
        sizes[path] = os.path.getsize(path)
print(sum(sizes.values()), len(sizes))
shutil.rmtree(base)
print("removed:", not os.path.exists(base))
