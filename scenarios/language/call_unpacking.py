# Unpacking into calls and displays: `f(*x)` with x of any iterable kind, `**` merges that
# name a keyword twice, what each version's CPython says when the value after `*` or `**` is
# the wrong kind (the function named as `__main__.f()` from 3.9, `f()` before), `{*a, b}`
# set displays, and the `__qualname__`/`__module__` of built-in functions and methods.
# gilsim: expect=ok
import math
import threading
import time


def collect(*args, **kwargs):
    return args, sorted(kwargs.items())


class Box:
    def put(self, *items, **labels):
        return len(items), sorted(labels)


def numbers(n):
    for i in range(n):
        yield i * i


def attempt(label, call):
    try:
        print(label, "->", call())
    except TypeError as exc:
        print(label, "-> TypeError:", exc)


print("spreads")
attempt("tuple", lambda: collect(*(1, 2)))
attempt("list", lambda: collect(*[3, 4], **{"k": 5}))
attempt("generator", lambda: collect(*numbers(4)))
attempt("string", lambda: collect(*"ab"))
attempt("dict keys", lambda: collect(*{"x": 1, "y": 2}))
attempt("range then more", lambda: collect(0, *range(3), 9))
attempt("two stars", lambda: collect(*[1], *(2, 3)))
attempt("method", lambda: Box().put(*"xyz", **{"a": 1}, b=2))

print("wrong kinds after *")
attempt("int", lambda: collect(*5))
attempt("None", lambda: collect(*None))
attempt("method", lambda: Box().put(*3.5))
attempt("class", lambda: Box(*7))
attempt("builtin", lambda: print(*8))
attempt("builtin method", lambda: [].append(*9))
attempt("second star", lambda: collect(1, *2))
attempt("after a list", lambda: collect(*[1], *2))

print("wrong kinds after **")
attempt("list", lambda: collect(**[]))
attempt("int", lambda: Box().put(**1))
attempt("non-string key", lambda: collect(**{1: 2}))

print("a keyword twice")
attempt("two merges", lambda: collect(**{"a": 1}, **{"a": 2}))
attempt("named then merged", lambda: collect(a=1, **{"a": 2}))
attempt("merged then named", lambda: Box().put(**{"b": 1}, b=2))
attempt("builtin", lambda: print(**{"sep": "-"}, **{"sep": "+"}))
attempt("no clash", lambda: collect(a=1, **{"b": 2}, c=3, **{"d": 4}))

print("displays")
attempt("list", lambda: [*range(3), *"ab"])
attempt("tuple", lambda: (*[1, 2], 3))
attempt("dict, later keys win", lambda: {**{"a": 1}, "b": 2, **{"a": 3}})
attempt("set", lambda: sorted({*[3, 1], *(2,), 5}))
attempt("set order", lambda: {*range(4), 10, *[7, 1]})
attempt("list of int", lambda: [*5])
attempt("tuple of None", lambda: (*None,))
attempt("set of int", lambda: {*5})
attempt("dict of int", lambda: {**5})

print("names of built-ins")
for fn in (print, len, time.sleep, math.sqrt, [].append, threading.Lock().acquire, threading.Thread.start):
    print(fn.__qualname__, getattr(fn, "__module__", "(none)"))
print(list.append.__qualname__, getattr(list.append, "__module__", "(none)"))
attempt("math.sqrt()", lambda: math.sqrt())

print("argument counts of built-in methods")
for label, call in [
    ("append()", lambda: [].append()),
    ("append(1, 2)", lambda: [].append(1, 2)),
    ("list pop(1, 2)", lambda: [1].pop(1, 2)),
    ("insert(1)", lambda: [].insert(1)),
    ("list remove()", lambda: [].remove()),
    ("extend()", lambda: [].extend()),
    ("index()", lambda: [].index()),
    ("index(1, 2, 3, 4)", lambda: [1].index(1, 2, 3, 4)),
    ("count()", lambda: [].count()),
    ("sort(1)", lambda: [].sort(1)),
    ("get()", lambda: {}.get()),
    ("get(1, 2, 3)", lambda: {}.get(1, 2, 3)),
    ("setdefault()", lambda: {}.setdefault()),
    ("dict pop()", lambda: {}.pop()),
    ("dict pop(1, 2, 3)", lambda: {}.pop(1, 2, 3)),
    ("popitem(1)", lambda: {}.popitem(1)),
    ("join()", lambda: "".join()),
    ("replace('a')", lambda: "".replace("a")),
    ("format_map()", lambda: "".format_map()),
    ("add()", lambda: set().add()),
    ("discard()", lambda: set().discard()),
    ("set remove(1, 2)", lambda: set().remove(1, 2)),
    ("issubset()", lambda: set().issubset()),
    ("list copy(1)", lambda: [].copy(1)),
    ("list clear(1)", lambda: [].clear(1)),
    ("reverse(1)", lambda: [].reverse(1)),
    ("dict copy(1)", lambda: {}.copy(1)),
    ("dict clear(1)", lambda: {}.clear(1)),
    ("keys(1)", lambda: {}.keys(1)),
    ("items(1, 2)", lambda: {}.items(1, 2)),
    ("set clear(1)", lambda: set().clear(1)),
    ("lock release(1)", lambda: threading.Lock().release(1)),
    ("RLock release(1)", lambda: threading.RLock().release(1)),
    ("lock locked(1)", lambda: threading.Lock().locked(1)),
]:
    attempt(label, call)

print("a thread's args, spread into its target")
spread = []


def record(*items):
    spread.append(sorted(items))


for args in ({3, 1}, (x for x in [5, 4]), "ab", [7]):
    worker = threading.Thread(target=record, args=args)
    worker.start()
    worker.join()
print(spread)
attempt("args=5", lambda: threading.Thread(target=record, args=5).run())
