# Modelled on debugging tutorials that show the tracebacks of failing worker threads.
import threading


class Config:
    def __init__(self):
        self.values = {"a": [1, 2]}


cfg = Config()


def w1():
    return cfg.values["b"][0]


def w2():
    return cfg.values["a"][5] + 1


def w3():
    x = None
    return x.attr.other


def w4():
    return int("12" + "x") * 2


def w5():
    return len(cfg) if cfg else 0


def w6():
    data = {"k": 1}
    return data["k"] / (data["k"] - 1)


def w7():
    items = [1, 2]
    a, b, c = items


def w8():
    f = lambda v: v.upper()
    return list(map(f, [1]))


for fn in (w1, w2, w3, w4, w5, w6, w7, w8):
    t = threading.Thread(target=fn, name=fn.__name__)
    t.start()
    t.join()
