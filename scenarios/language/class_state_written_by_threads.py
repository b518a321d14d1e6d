# gilsim: expect=ok policy=preemptive runs=200
# Threads write the attributes of classes, functions and modules that existed before they
# started: a class counter, a function's call count, a deleted class attribute, a method
# adopted by a class made in a thread, a module attribute. Every run of an exploration starts
# from the program as written, so each run sees the counter at 1 and the function uncalled,
# whatever the runs before it did (explore's runs share these objects and undo what each run
# wrote).
import threading
import time


class Base:
    kind = "base"

    def describe(self):
        return "Base"


class Config(Base):
    level = 1

    def describe(self):
        return "Config/" + super().describe()


def helper(x):
    return x + 1


lock = threading.Lock()
seen = []


def work():
    with lock:
        Config.level += 1
        helper.calls = getattr(helper, "calls", 0) + 1
        time.marker = getattr(time, "marker", 0) + 1
        seen.append((Config.level, helper.calls, time.marker, helper.__annotations__, Config().describe()))
        if hasattr(Base, "kind"):
            del Base.kind

        class Adopter:
            method = helper

        Config.extra = Adopter


assert Config.level == 1 and not hasattr(helper, "calls") and Base.kind == "base"
threads = [threading.Thread(target=work) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(seen, Config.level, helper.calls, hasattr(Base, "kind"), Config.extra.__name__)
assert seen == [(2, 1, 1, {}, "Config/Base"), (3, 2, 2, {}, "Config/Base")]
