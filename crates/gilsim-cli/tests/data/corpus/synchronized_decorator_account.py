# Modelled on a @synchronized method decorator (functools.wraps) over an RLock-guarded account.
import threading
import time
from functools import wraps


def synchronized(method):
    @wraps(method)
    def wrapper(self, *args, **kwargs):
        with self._lock:
            return method(self, *args, **kwargs)
    return wrapper


class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed
        self.available = available


class Account:
    _ids = 0

    def __init__(self, owner, balance=0):
        Account._ids += 1
        self.id = Account._ids
        self.owner = owner
        self._balance = balance
        self._lock = threading.RLock()
        self.history = []

    @property
    def balance(self):
        return self._balance

    @synchronized
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))

    @synchronized
    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(amount, self._balance)
        time.sleep(0.001)
        self._balance -= amount
        self.history.append(("withdraw", amount))

    def __str__(self):
        return f"Account#{self.id}({self.owner}: {self._balance:.2f})"

    __repr__ = __str__


acct = Account("ana", 100)
failures = []


def spender(n):
    for _ in range(n):
        try:
            acct.withdraw(30)
        except InsufficientFunds as e:
            failures.append((e.needed, e.available))


ts = [threading.Thread(target=spender, args=(2,)) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(acct, acct.balance, len(acct.history), sorted(set(failures)))
print(Account.deposit.__name__, Account.deposit.__wrapped__.__name__, Account.withdraw.__qualname__)
try:
    acct.deposit(-5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    acct.balance = 5
except AttributeError as e:
    print(e)
print([str(a) for a in [acct, Account("bo")]])
