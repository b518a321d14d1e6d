# gilsim: expect=ok
# Code written for older Pythons, run on each release: the ABCs collections lent until 3.10,
# time.clock (gone in 3.8), Thread.isAlive (gone in 3.9) and the camelCase aliases 3.10
# deprecated, each with the warning or error the release gives.
import collections
import threading
import time


def attempt(label, action):
    try:
        print(label, action())
    except AttributeError as e:
        print(label, "AttributeError:", e)


release = threading.Event()
worker = threading.Thread(target=release.wait, name="sleeper")
worker.start()
attempt("isAlive:", lambda: worker.isAlive())
attempt("is_alive:", worker.is_alive)
release.set()
worker.join()
attempt("Iterable:", lambda: collections.Iterable.__name__)
attempt("Mapping again:", lambda: isinstance({}, collections.Mapping))
attempt("Mapping:", lambda: isinstance({}, collections.Mapping))
attempt("missing:", lambda: collections.Nope)
attempt("clock:", lambda: type(time.clock()).__name__)
attempt("getName:", worker.getName)
attempt("isDaemon:", worker.isDaemon)
attempt("currentThread:", lambda: threading.currentThread().name)
attempt("activeCount:", threading.activeCount)
