# gilsim: expect=ok
# The match statement (3.10+) as threaded code uses it: a worker thread dispatches commands
# from a queue by their shape — literals, sequences with a star, mappings with a rest, class
# patterns over dataclasses and namedtuples, or-patterns, captures with `as`, guards — and
# the TypeErrors CPython raises for bad class patterns.
import queue
import threading
from collections import namedtuple
from dataclasses import dataclass
from enum import Enum


class Op(Enum):
    ADD = "add"
    SUB = "sub"


@dataclass
class Move:
    x: int
    y: int


Resize = namedtuple("Resize", "width height")
commands = queue.Queue()
state = {"total": 0, "pos": (0, 0), "log": []}


def handle(command):
    match command:
        case None:
            return "stop"
        case (Op.ADD | Op.SUB) as op, int(amount) if amount >= 0:
            state["total"] += amount if op is Op.ADD else -amount
        case (Op.ADD | Op.SUB), amount:
            state["log"].append("rejected %r" % (amount,))
        case Move(0, 0):
            state["log"].append("no move")
        case Move(x=dx, y=dy):
            x, y = state["pos"]
            state["pos"] = (x + dx, y + dy)
        case Resize(w, h) if w == h:
            state["log"].append("square %d" % w)
        case Resize(width=w):
            state["log"].append("width %d" % w)
        case {"event": "batch", "items": [first, *rest]}:
            state["log"].append("batch of %d starting %r" % (1 + len(rest), first))
        case {"event": str(name), **extra}:
            state["log"].append("event %s %s" % (name, sorted(extra.items())))
        case [*_, "!"] | ("urgent", _):
            state["log"].append("urgent %r" % (command,))
        case str() as text:
            state["log"].append("text %s" % text.upper())
        case _:
            state["log"].append("unknown %s" % type(command).__name__)
    return "continue"


def worker():
    while handle(commands.get()) != "stop":
        pass


t = threading.Thread(target=worker)
t.start()
for command in [(Op.ADD, 5), (Op.SUB, 2), (Op.ADD, -1), (Op.SUB, "x"), Move(0, 0), Move(2, 3), Move(-1, 1),
                Resize(4, 4), Resize(3, 5), {"event": "batch", "items": [7, 8, 9]}, {"event": "ping", "ttl": 3},
                ["a", "b", "!"], ("urgent", 1), "hello", 3.5, {"items": []}, None]:
    commands.put(command)
t.join()
print(state["total"], state["pos"])
for line in state["log"]:
    print(line)
print(Move.__match_args__, Resize.__match_args__)


class NoArgs:
    pass


class BadArgs:
    __match_args__ = ["a"]


for subject, attempt in [(NoArgs(), "positional"), (BadArgs(), "list"), (5, "int"), ("s", "not a class")]:
    try:
        match subject:
            case NoArgs(a) if attempt == "positional":
                pass
            case BadArgs(a):
                pass
            case int(a, b):
                pass
            case len():
                pass
    except TypeError as e:
        print(attempt, "->", e)
