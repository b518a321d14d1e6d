# Modelled on "count instances created from many threads" with a classmethod and a class lock.
import threading


class Connection:
    _count = 0
    _lock = threading.Lock()

    def __init__(self, host):
        self.host = host
        with Connection._lock:
            Connection._count += 1
            self.number = Connection._count

    @classmethod
    def created(cls):
        return cls._count

    @staticmethod
    def describe(conn):
        return "<Connection #%d to %s>" % (conn.number, conn.host)

    @property
    def label(self):
        return self.host.split(".")[0]


conns = []


def open_many(host, n):
    for _ in range(n):
        conns.append(Connection(host))


ts = [threading.Thread(target=open_many, args=(h, 50)) for h in ("db.local", "cache.local", "api.local")]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("created", Connection.created())
print(sorted(set(c.label for c in conns)))
print(sorted(c.number for c in conns) == list(range(1, 151)))
print(Connection.describe(min(conns, key=lambda c: c.number)).split(" to ")[0])
