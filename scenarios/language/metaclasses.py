# gilsim: expect=ok
# Metaclasses and __new__ as thread-safety tutorials use them: a singleton metaclass whose
# __call__ takes a lock (threads race to create the one instance), a __new__ singleton with
# double-checked locking, a registry metaclass with __new__, __init__, __iter__, __len__ and
# __repr__, classes made by type(name, bases, namespace), and what type() says of them.
import threading


class SingletonMeta(type):
    _instances = {}
    _lock = threading.Lock()

    def __call__(cls, *args, **kwargs):
        with cls._lock:
            if cls not in cls._instances:
                instance = super().__call__(*args, **kwargs)
                cls._instances[cls] = instance
        return cls._instances[cls]


class Config(metaclass=SingletonMeta):
    def __init__(self, value=0):
        self.value = value
        self.created_by = threading.current_thread().name


seen = []


def fetch(i):
    config = Config(i)
    seen.append(config is Config())


threads = [threading.Thread(target=fetch, args=(i,), name="t%d" % i) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(seen, Config().value == int(Config().created_by[1:]), type(Config).__name__)
print(isinstance(Config, type), isinstance(Config, SingletonMeta), isinstance(Config(), Config))


class Connection:
    _instance = None
    _lock = threading.Lock()
    opened = 0

    def __new__(cls, *args, **kwargs):
        if cls._instance is None:
            with cls._lock:
                if cls._instance is None:
                    cls._instance = super().__new__(cls)
                    cls.opened += 1
        return cls._instance

    def __init__(self, host):
        self.host = host


connections = []
workers = [threading.Thread(target=lambda h=h: connections.append(Connection(h))) for h in "abc"]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(Connection.opened, len(set(map(id, connections))), len(connections))


class Plain:
    def __new__(cls, value):
        if value < 0:
            return "negative"
        return super().__new__(cls)

    def __init__(self, value):
        self.value = value


print(Plain(3).value, Plain(-1))


class Registry(type):
    registry = {}

    def __new__(mcs, name, bases, namespace, **kwargs):
        cls = super().__new__(mcs, name, bases, namespace)
        mcs.registry[name] = cls
        return cls

    def __init__(cls, name, bases, namespace, **kwargs):
        super().__init__(name, bases, namespace)
        cls.tag = kwargs.get("tag", name.lower())

    def __iter__(cls):
        return iter(sorted(cls.registry))

    def __len__(cls):
        return len(cls.registry)

    def __repr__(cls):
        return "<registered %s>" % cls.__name__


class Handler(metaclass=Registry):
    def handle(self):
        return "handled by " + type(self).__name__


class JsonHandler(Handler, tag="json"):
    pass


print(list(Handler), len(JsonHandler), JsonHandler.tag, Handler.tag, JsonHandler, JsonHandler.__module__)
print(type(JsonHandler), JsonHandler().handle(), sorted(Registry.registry))
Dynamic = type("Dynamic", (Handler,), {"limit": 5, "handle": lambda self: "dynamic"})
print(Dynamic.limit, Dynamic.__name__, type(Dynamic), Dynamic.tag, Dynamic().handle(), len(Handler))
Point = type("Point", (), {"x": 0})
print(Point, Point.x, type(Point), type(3), type(type), isinstance(int, type), type(Point()).__name__)
