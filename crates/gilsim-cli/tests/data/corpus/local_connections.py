# Modelled on per-thread database connections in threading.local.
import threading
import time

local = threading.local()
created = []


class Connection:
    count = 0

    def __init__(self):
        Connection.count += 1
        self.id = Connection.count

    def query(self, sql):
        return "conn%d: %s" % (self.id, sql.upper())


def get_conn():
    if not hasattr(local, "conn"):
        local.conn = Connection()
        created.append(threading.current_thread().name)
    return local.conn


def worker(delay):
    time.sleep(delay)
    c1 = get_conn()
    c2 = get_conn()
    print(threading.current_thread().name, c1 is c2, c1.query("select 1"))


ts = [threading.Thread(target=worker, args=(0.05 * i,), name="W%d" % i) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(created), Connection.count)
