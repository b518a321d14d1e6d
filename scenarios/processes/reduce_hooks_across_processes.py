# gilsim: expect=ok
# What pickling calls on its way between processes: __getstate__ leaves out what cannot
# travel (a lock) and __setstate__ makes it again in the receiver; __reduce__ says how the
# receiver rebuilds the object (here scaled); an enum member arrives as the receiver's own
# member; an exception keeps its attributes but not its traceback. Under fork and spawn.
import multiprocessing as mp
import threading
from enum import Enum


class Counter:
    def __init__(self):
        self.n = 0
        self.lock = threading.Lock()

    def __getstate__(self):
        state = self.__dict__.copy()
        del state["lock"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.lock = threading.Lock()
        self.restored = True


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __reduce__(self):
        return (Point, (self.x * 10, self.y * 10))


class Color(Enum):
    RED = 1
    GREEN = 2


class Tagged(Exception):
    pass


def bump(c):
    with c.lock:
        c.n += 1
    return c.n, c.restored


def coords(p):
    return p.x, p.y


def same_member(c):
    return c is Color.GREEN, c.name


def raise_tagged(n):
    e = Tagged("tag %d" % n)
    e.code = n
    raise e


if __name__ == "__main__":
    for method in ("fork", "spawn"):
        ctx = mp.get_context(method)
        with ctx.Pool(1) as pool:
            print(method, pool.map(bump, [Counter(), Counter()]))
            print(method, pool.map(coords, [Point(1, 2)]))
            print(method, pool.map(same_member, [Color.GREEN, Color.RED]))
            try:
                pool.apply(raise_tagged, (7,))
            except Tagged as e:
                print(method, repr(e), e.code, e.__traceback__ is not None, type(e.__cause__).__name__)
    q = mp.Queue()
    q.put(Color.RED)
    print(q.get() is Color.RED)
