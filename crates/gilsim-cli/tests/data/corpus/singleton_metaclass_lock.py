# Modelled on the thread-safe Singleton example of design-pattern tutorials: a metaclass
# whose __call__ holds a lock while it creates the one instance.
import threading


class SingletonMeta(type):
    _instances = {}
    _lock = threading.Lock()

    def __call__(cls, *args, **kwargs):
        with cls._lock:
            if cls not in cls._instances:
                cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Database(metaclass=SingletonMeta):
    def __init__(self, url):
        self.url = url
        self.queries = 0

    def query(self, sql):
        self.queries += 1
        return "%s <- %s" % (self.url, sql)


instances = []
lock = threading.Lock()


def client(n):
    db = Database("db://%d" % n)
    with lock:
        instances.append(db)
        db.query("select %d" % n)


threads = [threading.Thread(target=client, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(set(id(i) for i in instances)), Database("other").queries, Database("x") is instances[0])
