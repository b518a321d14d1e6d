# gilsim: expect=ok
# __del__ as resource classes use it: CPython calls it the moment the last reference goes —
# at `del`, at rebinding, when a function's locals go, when a container is cleared — on the
# thread that dropped it, once per object even if it revives itself; an exception in it is
# printed and ignored; objects still held by the main module are finalized at exit.
import threading

log_lock = threading.Lock()


class Connection:
    opened = 0

    def __init__(self, name):
        self.name = name
        Connection.opened += 1
        print("open", name)

    def __del__(self):
        Connection.opened -= 1
        print("close %s in %s" % (self.name, threading.current_thread().name))


class Fragile:
    def __del__(self):
        raise RuntimeError("cleanup failed")


class Phoenix:
    saved = []

    def __del__(self):
        print("phoenix finalized")
        Phoenix.saved.append(self)


def session(name):
    conn = Connection(name)
    print("using", conn.name)


workers = [threading.Thread(target=session, args=("db-%d" % i,), name="worker-%d" % i) for i in range(2)]
for w in workers:
    w.start()
    w.join()

a = Connection("a")
del a
print("after del, open:", Connection.opened)
b = Connection("b")
b = Connection("c")
print("after rebinding, open:", Connection.opened)
pool = [Connection("p1"), Connection("p2")]
pool.clear()
print("after clear, open:", Connection.opened)
Fragile()
print("after Fragile")
p = Phoenix()
del p
print("revived:", len(Phoenix.saved))
Phoenix.saved.clear()
print("cleared twice-dead phoenix")
keeper = Connection("kept until exit")
print("end of script")
