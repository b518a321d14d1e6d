# Modelled on enum and multiprocessing questions: members sent to fork and spawn pools, a Queue and a Manager dict stay the receiver's members.
import multiprocessing as mp
from enum import Enum

class Color(Enum):
    RED = 1
    GREEN = 2

def check(c):
    return c is Color.RED, c.name, c == Color.RED

class Bad:
    def __init__(self, a, b):
        self.a = a
        self.b = b
    def __reduce__(self):
        return (Bad, (self.a,))

def use(x):
    return x

if __name__ == "__main__":
    for method in ["fork", "spawn"]:
        ctx = mp.get_context(method)
        with ctx.Pool(1) as pool:
            print(method, pool.map(check, [Color.RED, Color.GREEN]))
    q = mp.Queue()
    q.put(Color.GREEN)
    print(q.get() is Color.GREEN)
    m = mp.Manager()
    d = m.dict()
    d["c"] = Color.RED
    print(d["c"] is Color.RED)
    m.shutdown()
