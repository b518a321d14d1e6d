# gilsim: expect=exception
# Exception chaining (PEP 3134): `raise ... from`, implicit context while handling, `from
# None`, the chained reports of traceback.print_exc, of a worker thread and of the main
# thread (whose last line names a script class `__main__.Name` before 3.11), and the
# __cause__/__context__/__suppress_context__ attributes.
import threading
import traceback


class ConfigError(Exception):
    pass


def load(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError("bad setting %r" % text) from e


def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        return missing(key)


def missing(key):
    raise LookupError("no entry for " + key)


try:
    load("x1")
except ConfigError as e:
    print(type(e.__cause__).__name__, e.__cause__ is e.__context__, e.__suppress_context__)
    traceback.print_exc()

try:
    lookup({}, "alpha")
except LookupError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
    traceback.print_exc()

try:
    try:
        {}["k"]
    except KeyError:
        raise ValueError("clean") from None
except ValueError as e:
    print(e.__cause__, repr(e.__context__), e.__suppress_context__)
    traceback.print_exc()

fresh = RuntimeError("never raised")
print(fresh.__cause__, fresh.__context__, fresh.__suppress_context__)


def worker():
    try:
        load("y2")
    finally:
        print("worker cleanup")


t = threading.Thread(target=worker, name="loader")
t.start()
t.join()

try:
    raise TypeError("outer") from ConfigError("made, not raised")
except TypeError:
    traceback.print_exc()


def main():
    try:
        [][3]
    except IndexError:
        load("z3")


main()
