# Modelled on public thread-local "one connection per thread" examples.
import threading

local = threading.local()
created = []
lock = threading.Lock()


class FakeConnection:
    count = 0

    def __init__(self, owner):
        FakeConnection.count += 1
        self.ident = FakeConnection.count
        self.owner = owner

    def query(self, q):
        return "%s via conn-%d" % (q, self.ident)


def get_conn():
    if not hasattr(local, "conn"):
        local.conn = FakeConnection(threading.current_thread().name)
        with lock:
            created.append(local.conn.owner)
    return local.conn


def task(name):
    for q in ("SELECT 1", "SELECT 2"):
        get_conn().query(q)
    print(name, "used", get_conn().query("done").split(" via ")[0])


ts = [threading.Thread(target=task, args=("task%d" % i,), name="T%d" % i) for i in range(3)]
for t in ts:
    t.start()
    t.join()
print(sorted(created), FakeConnection.count, hasattr(local, "conn"))
