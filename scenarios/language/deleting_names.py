# gilsim: expect=ok
# del of every kind of name CPython allows: in a class body (a helper used while the class
# is built, an except clause's name), and of a variable a closure shares (a later read
# through the closure fails, as does a second del), with each release's messages.
import threading


class Config:
    _helper = [1, 2, 3]
    total = sum(_helper)
    del _helper
    try:
        raise KeyError("k")
    except KeyError as problem:
        seen = repr(problem)
    try:
        del missing
    except NameError as e:
        print("NameError:", e)


print(Config.total, Config.seen, hasattr(Config, "_helper"), hasattr(Config, "problem"), list(k for k in vars(Config) if not k.startswith("__")))


def worker_factory():
    results = []
    shared = "ready"

    def report():
        results.append(shared)

    report()
    del shared
    try:
        report()
    except NameError as e:
        print("NameError:", e)
    try:
        del shared
    except (NameError, UnboundLocalError) as e:
        print(type(e).__name__ + ":", e)
    return results


def handler_in_closure():
    try:
        1 / 0
    except ZeroDivisionError as err:
        describe = lambda: str(err)
        text = describe()
    try:
        describe()
    except NameError as e:
        print("NameError:", e)
    return text


t = threading.Thread(target=lambda: print(worker_factory(), handler_in_closure()))
t.start()
t.join()


def twice():
    name = "once"
    del name
    try:
        del name
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)


twice()
