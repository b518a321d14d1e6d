# Modelled on the _threading_local docstring: a local subclass whose __init__ takes arguments and runs once per thread.
import threading

class Ctx(threading.local):
    created = 0
    def __init__(self, prefix, **opts):
        super().__init__()
        self.prefix = prefix
        self.opts = dict(opts)
        Ctx.created += 1
        self.items = []

ctx = Ctx("req", retries=3)

def handle(i):
    ctx.items.append(i)
    ctx.prefix = f"{ctx.prefix}-{i}"
    print(threading.current_thread().name, ctx.prefix, ctx.items, ctx.opts)

ts = [threading.Thread(target=handle, args=(i,), name=f"h{i}") for i in range(3)]
for t in ts:
    t.start()
    t.join()
print("main", ctx.prefix, ctx.items, Ctx.created)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
loc = threading.local()
loc.x = 1
print(loc.__dict__, hasattr(loc, "y"), getattr(loc, "y", "dflt"))
del loc.x
try:
    loc.x
except AttributeError as e:
    print("AttributeError:", e)
