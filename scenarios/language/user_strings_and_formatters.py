# gilsim: expect=ok
# Workers label their results with a UserString subclass and render report lines through a
# string.Formatter subclass that adds its own format spec and rejects unused keywords; the
# main thread then looks at how the formatter splits templates (Formatter.parse), its field
# lookups and its errors, as CPython's string module does them.
import string
import threading
from collections import UserString


class Label(UserString):
    def shout(self):
        return self.upper() + "!"


class ReportFormatter(string.Formatter):
    def format_field(self, value, spec):
        if spec == "label":
            return Label(value).shout().data
        return super().format_field(value, spec)

    def check_unused_args(self, used_args, args, kwargs):
        unused = sorted(set(kwargs) - used_args)
        if unused:
            raise KeyError("unused: " + ", ".join(unused))


formatter = ReportFormatter()
lock = threading.Lock()
lines = []


def worker(n):
    label = Label("job") + str(n)
    line = formatter.format("{0:label} {total:>5} {items[1]} {0!r}", label, total=n * n, items=[n, n + 1])
    with lock:
        lines.append((n, line, label[1:], len(label), "ob" in label, label.split("b")))


threads = [threading.Thread(target=worker, args=(n,)) for n in range(1, 4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for entry in sorted(lines):
    print(entry)

label = Label("Worker-7")
print(repr(label), str(label), label.lower(), label.replace("7", "8"), label * 2, "x" + label)
print(label.startswith("Wor"), label.find("-"), label.count("r"), label.partition("-"), label.zfill(10))
print(label == "Worker-7", label < "Z", sorted([Label("b"), Label("a")]), hash(label) == hash("Worker-7"))
print(list(Label("ab")), Label("%s=%d") % ("n", 3), label.center(12, "*"), label.isalnum())
print(isinstance(label.encode(), bytes) or label.encode().data)

plain = string.Formatter()
print(plain.format("{}+{}={:>{}}", 1, 2, 3, 4))
print(plain.vformat("{a}/{b[k]}", (), {"a": 1, "b": {"k": "v"}}))
for template in ["a{{b}}c", "{0!r:>6}|{x.real}", "x{0:{1}}y", "{[0]}", "plain"]:
    print(repr(template), list(plain.parse(template)))
for template in ["{0}{}", "{}{0}", "x}", "{0", "{0!x}", "{0[}", "{a{b}", "{0!rx}"]:
    try:
        print(repr(template), plain.format(template, 1, 2))
    except (ValueError, KeyError, IndexError) as e:
        print(repr(template), type(e).__name__, e)
try:
    formatter.format("{a}", a=1, b=2)
except KeyError as e:
    print("KeyError", e)
