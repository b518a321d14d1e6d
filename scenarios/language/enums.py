# gilsim: expect=ok
# enum as threaded programs use it: states of workers, lookups by value and name, iteration,
# aliases, auto(), IntEnum priorities in a PriorityQueue, Flag permissions, @unique, and the
# functional API, str and float mixins (`class Color(str, Enum)`). Printed as CPython prints
# them, on every version.
import enum
import queue
import threading


class State(enum.Enum):
    IDLE = 1
    RUNNING = 2
    DONE = 3
    FINISHED = 3

    def describe(self):
        return "%s is %d" % (self.name.lower(), self.value)


print(State.IDLE, repr(State.RUNNING), State(2), State["DONE"], State.FINISHED is State.DONE)
print(list(State), len(State), State.DONE.describe(), State.IDLE in State)
print([m.name for m in State], sorted(State.__members__), type(State.IDLE).__name__)
print(State, isinstance(State.IDLE, State), State.IDLE == State.IDLE, State.IDLE != State.DONE)
try:
    State(7)
except ValueError as e:
    print("ValueError:", e)
try:
    State["NOPE"]
except KeyError as e:
    print("KeyError:", e)
print({State.IDLE: "waiting", State.DONE: "over"}[State.DONE], f"{State.RUNNING}", "%s" % State.IDLE)


class Color(enum.Enum):
    RED = enum.auto()
    GREEN = enum.auto()
    BLUE = enum.auto()


print([(c.name, c.value) for c in Color], Color(3), list(reversed(Color)))


class Priority(enum.IntEnum):
    HIGH = 1
    MEDIUM = 5
    LOW = 10


jobs = queue.PriorityQueue()
for prio, job in [(Priority.LOW, "cleanup"), (Priority.HIGH, "deploy"), (Priority.MEDIUM, "test")]:
    jobs.put((prio, job))
order = []


def drain():
    while not jobs.empty():
        order.append(jobs.get()[1])


t = threading.Thread(target=drain)
t.start()
t.join()
print(order, Priority.HIGH < Priority.LOW, Priority.MEDIUM == 5, Priority.LOW + 1, int(Priority.MEDIUM))
print(repr(Priority.HIGH), "{:>3}".format(Priority.LOW), sorted([Priority.LOW, Priority.HIGH]))


class Perm(enum.Flag):
    R = 4
    W = 2
    X = 1


rw = Perm.R | Perm.W
print(Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X), (rw & Perm.W) is Perm.W)


class Planet(enum.Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius


print(Planet.EARTH.mass, Planet.MERCURY.radius, Planet.EARTH.value)
try:
    @enum.unique
    class Dup(enum.Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)
Animal = enum.Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, Animal(3))

states = {}
lock = threading.Lock()


def work(n):
    with lock:
        states[n] = State.RUNNING
    with lock:
        states[n] = State.DONE


workers = [threading.Thread(target=work, args=(i,)) for i in range(3)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(sorted((k, v.name) for k, v in states.items()), all(v is State.DONE for v in states.values()))


class Color(str, enum.Enum):
    RED = "red"
    GREEN = "green"


class Ratio(float, enum.Enum):
    HALF = 0.5


c = Color.RED
print(str(c), repr(c), f"{c}", "{}".format(c), "%s" % c, format(c, ">6"))
print(c == "red", "red" == c, c != "green", {c: 2}[Color.RED], c in ["red"], hash(c) == hash("red"))
print(c.upper(), c + "!", "x" + c, len(c), Color("green"), sorted([Color.GREEN, Color.RED]), c.startswith("r"))
print(Ratio.HALF, Ratio.HALF * 4, Ratio.HALF == 0.5, f"{Ratio.HALF}")

# As dict and set keys the members are their values, as CPython's ints and strs are.
colors_by_name = {"red": "#f00", "green": "#0f0"}
print(colors_by_name[Color.RED], {Color.GREEN: 1}["green"], Color.RED in {"red"}, len({Color.RED, "red"}))
print({Ratio.HALF: "half"}[0.5], {0.5: "plain"}[Ratio.HALF])
budget = {1: "minutes", 10: "days"}
print(budget[Priority.HIGH], {Priority.LOW: "later"}[10], "%d/%x" % (Priority.LOW, Priority.LOW))
