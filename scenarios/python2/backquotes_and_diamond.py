# 2.7-era logging of worker progress with backquotes (`x` is repr(x)) and the `<>` operator:
# workers report their ids and partial sums, and the main thread prints the reports in
# order and checks them with `<>`; octal literals spelt `0755`
# (run with --python 2.7; compared with CPython 2.7).
# gilsim: expect=ok python=2.7
import threading

results = {}
lines = []
lock = threading.Lock()


def worker(n):
    total = sum(range(n))
    lock.acquire()
    try:
        results[n] = total
    finally:
        lock.release()
    if total <> 0:
        line = "worker " + `n` + " -> " + `total`
    else:
        line = "worker " + `n` + " had nothing"
    lock.acquire()
    lines.append(line)
    lock.release()


threads = [threading.Thread(target=worker, args=(n,)) for n in (1, 4, 7)]
for t in threads:
    t.start()
for t in threads:
    t.join()
lines.sort()
for line in lines:
    print line
keys = results.keys()
keys.sort()
print "keys:", `keys`, "pairs:", `[(k, results[k]) for k in keys]`
print "all ran:", len(results) <> 0 and not (len(results) <> 3)
print `"it's"`, `1.5`, `None` <> "None", `(1, "a")`

# Octal literals in 2.7's spelling (file modes, permission masks).
mode = 0755
print "mode", mode, oct(mode), 0644 & 0777, 00, 0
