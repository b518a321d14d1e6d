# gilsim: expect=exception
# Exception groups (PEP 654, Python 3.11): worker threads each check one record, the
# failures (each with a note naming its record, PEP 678) are gathered into an
# ExceptionGroup, and the caller handles them by kind with `except*`. Shows the group API
# (split, subgroup, derive, nesting), how `except*` splits, re-raises and merges, and the
# boxed report of a group nobody handles.
import threading
import traceback
import sys


class RecordError(Exception):
    pass


class MissingField(RecordError):
    pass


def check(record):
    if "id" not in record:
        raise MissingField(f"record {record} has no id")
    if record["id"] < 0:
        raise ValueError(f"negative id {record['id']}")
    if record.get("name") == "":
        raise RecordError(f"empty name in record {record['id']}")


def check_all(records):
    errors = []
    lock = threading.Lock()

    def worker(record):
        try:
            check(record)
        except Exception as exc:
            exc.add_note(f"while checking {record!r}")
            with lock:
                errors.append(exc)

    threads = [threading.Thread(target=worker, args=(r,)) for r in records]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        errors.sort(key=str)
        raise ExceptionGroup(f"{len(errors)} of {len(records)} records failed", errors)


records = [{"id": 1, "name": "a"}, {"name": "b"}, {"id": -4}, {"id": 7, "name": ""}, {"id": 9}]

try:
    check_all(records)
except* MissingField as group:
    print("missing:", [str(e) for e in group.exceptions])
except* RecordError as group:
    print("bad records:", [str(e) for e in group.exceptions])
except* ValueError as group:
    print("values:", repr(group))

# The group API.
eg = ExceptionGroup("batch", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
print(str(eg), repr(eg))
print(eg.message, len(eg.exceptions))
match, rest = eg.split(ValueError)
print("match", repr(match))
print("rest ", repr(rest))
print("sub  ", repr(eg.subgroup(lambda e: isinstance(e, (KeyError, TypeError)))))
print("none ", eg.subgroup(OSError), eg.split(lambda e: False))
print("self ", eg.subgroup(BaseException) is eg)
print(type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__,
      type(BaseExceptionGroup("e", [ValueError()])).__name__)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))

for args in [(1, [ValueError()]), ("m", []), ("m", {ValueError()}), ("m", [ValueError(), "x"])]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    ExceptionGroup("m", [SystemExit(1)])
except TypeError as e:
    print(e)


class Batch(ExceptionGroup):
    def derive(self, excs):
        return Batch(self.message + "'", excs)


b = Batch("b", [ValueError(1), TypeError(2)])
print(repr(b.split(TypeError)))

# except*: a naked exception arrives wrapped; a bare raise puts a part back where it was;
# an exception raised in a clause joins what is left.
try:
    raise KeyError("k")
except* KeyError as g:
    print("naked as", repr(g))


def reraise_values():
    try:
        raise ExceptionGroup("mixed", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError:
        print("saw values, sys.exc_info():", type(sys.exc_info()[1]).__name__)
        raise
    except* TypeError as g:
        raise RuntimeError("types are fatal") from g


try:
    reraise_values()
except ExceptionGroup as g:
    print("left:", repr(g))
    print("first", repr(g.exceptions[0]), "cause", repr(g.exceptions[0].__cause__))

try:
    try:
        raise ExceptionGroup("x", [ValueError()])
    except* ExceptionGroup:
        pass
except TypeError as e:
    print(e)

# A worker thread's group goes to threading.excepthook, printed boxed.
def failing_worker():
    raise ExceptionGroup("worker", [ValueError("first"), OSError(2, "No such file")])


t = threading.Thread(target=failing_worker, name="checker")
t.start()
t.join()

try:
    check_all([{"id": -1}, {"name": "x"}])
except ExceptionGroup:
    traceback.print_exc()

print("done")
check_all([{"id": -2}, {}])
