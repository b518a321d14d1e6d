# Modelled on test doubles and plugin code that patch classes while threads use them: methods
# replaced on a class and on its base after instances called them, a method deleted so that
# the base's shows through, an instance attribute shadowing a method, a property added to a
# class with live instances, and a class attribute's object dying when the class lets go of
# it. Every call and store goes through the same call sites before and after the change.
import threading


class Base:
    def work(self, x):
        return "base.work(%d)" % x

    def tag(self):
        return "base"


class Worker(Base):
    def work(self, x):
        return "worker.work(%d)" % x


class Other(Base):
    def tag(self):
        return "other"


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("collected", self.name)


def call_all(objects, x):
    return [o.work(x) + "/" + o.tag() for o in objects]


w = Worker()
b = Base()
print(call_all([w, b], 1))

# Replace a method on the subclass, then on the base: the same call site sees each change.
Worker.work = lambda self, x: "patched.work(%d)" % x
print(call_all([w, b], 2))
Base.tag = lambda self: "patched-base"
print(call_all([w, b], 3))

# Delete the subclass's method: the base's shows through.
del Worker.work
print(call_all([w, b], 4))

# An instance attribute shadows the class's method for that instance only.
w.work = lambda x: "instance.work(%d)" % x
print(call_all([w, Worker()], 5))
del w.work

# Another class's instances keep their own method.
print(call_all([Other()], 6))

# A property added to a class with live instances takes over stores and loads.
class Account:
    def __init__(self):
        self.balance = 0


def deposit(account, amount):
    account.balance = amount


acct = Account()
deposit(acct, 10)
Account.doubled = property(lambda self: self.balance * 2)
print(acct.balance, acct.doubled)
log = []
Account.balance = property(lambda self: self.__dict__["balance"], lambda self, v: log.append(v))
deposit(acct, 20)
print(acct.balance, log)
del Account.balance
deposit(acct, 30)
print(acct.balance, log)


# A class attribute's object dies when the class drops it, not later.
class Holder:
    resource = Noisy("resource")


print(Holder.resource.name)
del Holder.resource
print("after del")
print(hasattr(Holder, "resource"))


# Threads calling through a class that the main thread patches between rounds.
class Counter:
    def __init__(self):
        self.n = 0
        self.lock = threading.Lock()

    def bump(self):
        with self.lock:
            self.n += 1


def run_round(counter, times):
    threads = [threading.Thread(target=lambda: [counter.bump() for _ in range(times)]) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


c = Counter()
run_round(c, 100)
print("round 1", c.n)


def bump_twice(self):
    with self.lock:
        self.n += 2


Counter.bump = bump_twice
run_round(c, 100)
print("round 2", c.n)
