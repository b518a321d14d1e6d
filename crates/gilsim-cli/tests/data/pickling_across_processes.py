# What crosses a process boundary is pickled: data is copied (the child's changes stay in
# the child), instances of module-level classes arrive as instances of the receiver's class,
# and what cannot be pickled is refused (a Pipe raises; a Queue's feeder reports it on
# stderr and drops it).
import multiprocessing
import threading


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self):
        return Point(self.x + 1, self.y + 1)


def echo(conn):
    while True:
        obj = conn.recv()
        if obj is None:
            break
        if isinstance(obj, Point):
            obj = obj.moved()
        elif isinstance(obj, list):
            obj.append("child")
        conn.send(obj)


if __name__ == "__main__":
    parent, child = multiprocessing.Pipe()
    p = multiprocessing.Process(target=echo, args=(child,))
    p.start()
    data = [1, 2]
    parent.send(data)
    print("list came back as", parent.recv(), "and the parent's is still", data)
    parent.send(Point(1, 2))
    back = parent.recv()
    print("point came back as", type(back).__name__, back.x, back.y)
    parent.send({"nested": (1, [2, {"three": 3}])})
    print("dict came back as", parent.recv())
    for bad in [threading.Lock(), lambda: 0]:
        try:
            parent.send(bad)
        except Exception as e:
            print("refused:", type(e).__name__)
    for inherited_only in [multiprocessing.Lock(), multiprocessing.Queue(), multiprocessing.Value("i", 1)]:
        try:
            parent.send(inherited_only)
        except RuntimeError as e:
            print("refused:", e)
    parent.send(None)
    p.join()
    print("echo exited with", p.exitcode)
