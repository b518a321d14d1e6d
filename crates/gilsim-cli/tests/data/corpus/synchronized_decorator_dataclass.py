# Modelled on public examples of a @synchronized method decorator on a dataclass holding its lock, a timing context manager and threading.local.
import threading, functools, contextlib, itertools, dataclasses, time

def synchronized(lock_name):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(self, *args, **kwargs):
            with getattr(self, lock_name):
                return fn(self, *args, **kwargs)
        return wrapper
    return deco

@dataclasses.dataclass
class Account:
    owner: str
    balance: int = 0
    _lock: threading.Lock = dataclasses.field(default_factory=threading.Lock, repr=False, compare=False)

    @synchronized("_lock")
    def deposit(self, amount):
        """Add money."""
        self.balance += amount
        return self.balance

acct = Account("ann")
ids = itertools.count(1)
def worker():
    for _ in range(100):
        acct.deposit(next(ids) % 3)
ts = [threading.Thread(target=worker) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(acct, acct.deposit.__name__, acct.deposit.__doc__, Account.deposit.__wrapped__.__qualname__)

@contextlib.contextmanager
def timed(label):
    start = time.perf_counter()
    try:
        yield label.upper()
    finally:
        print(label, "took", "fast" if time.perf_counter() - start < 5 else "slow")

with timed("block") as name:
    print("inside", name)
local = threading.local()
def show(v):
    local.value = v
    time.sleep(0.001)
    print(threading.current_thread().name, local.value, hasattr(local, "other"))
ts = [threading.Thread(target=show, args=(i,), name=f"T{i}") for i in range(3)]
for t in ts: t.start(); t.join()
print(threading.main_thread().name, threading.main_thread() is threading.current_thread())
try:
    dataclasses.astuple(Account("bob", 5))
except TypeError as e:
    print("astuple:", e)
