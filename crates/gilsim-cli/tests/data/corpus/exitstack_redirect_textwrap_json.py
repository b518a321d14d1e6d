# Modelled on contextlib documentation examples (ExitStack, redirect_stdout, suppress, closing, contextmanager) with worker tracebacks, textwrap, string.Template and json.
import contextlib
import io
import sys
import threading
import traceback
import textwrap
import string
import json


class Resource:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    def __enter__(self):
        self.log.append("open " + self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        self.log.append("close %s %s" % (self.name, exc_type.__name__ if exc_type else None))
        return False


def work(n, log):
    with contextlib.ExitStack() as stack:
        rs = [stack.enter_context(Resource("r%d" % i, log)) for i in range(n)]
        stack.callback(log.append, "callback")
        if n == 2:
            raise ValueError("boom %d" % n)
        return [r.name for r in rs]


log = []
print(work(1, log))
try:
    work(2, log)
except ValueError as e:
    print("caught", e)
print(log)

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("hidden", 1, 2, sep="-")
    print("more")
print(repr(buf.getvalue()))
err = io.StringIO()
with contextlib.redirect_stderr(err):
    sys.stderr.write("to err\n")
print(repr(err.getvalue()))

with contextlib.suppress(KeyError, IndexError):
    {}["x"]
print("suppressed")


class Closer:
    def close(self):
        print("closed!")


with contextlib.closing(Closer()):
    print("using")


@contextlib.contextmanager
def tagged(tag):
    print("<%s>" % tag)
    try:
        yield tag.upper()
    except ZeroDivisionError:
        print("handled in", tag)
    finally:
        print("</%s>" % tag)


with tagged("a") as t:
    print(t)
with tagged("b"):
    1 / 0

errors = []


def failing(i):
    try:
        {"a": 1}["b" * i]
    except KeyError:
        errors.append(traceback.format_exc().splitlines()[-1])
        errors.append("".join(traceback.format_exception_only(*sys.exc_info()[:2])).strip())


ts = [threading.Thread(target=failing, args=(i,)) for i in range(1, 3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(errors)

text = """
    Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor
    incididunt ut labore et dolore magna aliqua.
"""
print(textwrap.dedent(text).strip())
print(textwrap.fill(" ".join(text.split()), width=30))
print(textwrap.shorten("Hello   world, this is a long line", width=20, placeholder="..."))
print(textwrap.indent("a\nb\n\nc", "> "))
print(textwrap.wrap("abc def ghi", 5))
tpl = string.Template("$who likes ${what}; $$5")
print(tpl.substitute(who="tim", what="kung pao"), tpl.safe_substitute(who="x"))
try:
    tpl.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
print(string.ascii_letters[:5], string.digits, string.punctuation[:5], string.capwords("hello  world"))
data = {"b": [1, 2.5, None, True], "a": {"x": "é", "y": (1, 2)}}
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
print(json.loads('{"n": 1e3, "s": "\\u00e9", "l": [1, {"z": null}]}'))
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e, e.pos, e.lineno, e.colno)
