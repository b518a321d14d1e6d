# Building text the ways threaded programs log and label: f-strings with and without
# conversions and specs, str.format with non-ASCII templates, %-formatting with flags, str()
# of ints, strs and objects, and the identities CPython gives (str(s) is s, f"{s}" is s).
# gilsim: expect=ok
import threading

class Job:
    def __init__(self, n):
        self.n = n

    def __str__(self):
        return f"job#{self.n}"

    def __format__(self, spec):
        return "J" + spec

    def __repr__(self):
        return f"Job(ñ={self.n})"

name = "wörker"
print(str(name) is name, f"{name}" is name, f"{name!s}" is name)
for i in (0, -0, 7, -42, 2**62, 2**63, -2**63, 10**20):
    print(f"{i}|{i!s}|{i!r}|{i:6}|{i:<4}|{str(i)}|{'%d' % i}|{'%5d' % i}|{'%s' % i}")
print(f"{True} {None} {3.5} {name!r} {name:>8} {name!a}")
w = 7
print(f"[{name:{w}}] [{42:{w}d}] [{'x':^{w}}]")
print("{}→{}: {name}".format(1, 2, name=name), "{0}{1}{0}".format("ab", "ü"))
print("%-6s|%06.2f|%x|%o|%r|%c" % (name, 3.14159, 255, 8, name, 65))
print("%(who)s has %(n)d" % {"who": name, "n": 3})
jobs = [Job(k) for k in range(3)]
print(f"{jobs[0]!a} {jobs[1]!r}", "{0!a} {0!r} {1!a}".format(jobs[2], "naïve €"), ascii(jobs))
print(f"{jobs[0]} {jobs[1]!s} {jobs[2]:spec}", str(jobs[0]), "%s" % jobs[1], "{}".format(jobs[2]))
labels = []
lock = threading.Lock()

def label(k):
    text = f"Thread-{k}: {k * k} items, {'even' if k % 2 == 0 else 'odd'}"
    with lock:
        labels.append(text + " / " + "{:>3}".format(k) + " / " + str(k))

threads = [threading.Thread(target=label, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(labels))

# str.join reads a list or tuple in place and anything else through iteration; a non-str
# item is CPython's TypeError, naming its position.
print(",".join(sorted(labels)[:2]), "-".join(("x",)), "".join(c for c in "abc"), repr(", ".join([])), "+".join("xyz"))
for bad in (["a", 1], ("a", None), (str(i) if i else i for i in range(2))):
    try:
        "/".join(bad)
    except TypeError as e:
        print("TypeError:", e)
