# Modelled on a __slots__ account tutorial: a lock-guarded property and deposits from lambda threads.
import threading

class Account:
    __slots__ = ("_balance", "_lock", "owner")

    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self._lock = threading.Lock()

    @property
    def balance(self):
        with self._lock:
            return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount}")
        with self._lock:
            self._balance += amount

    def __repr__(self):
        return f"Account({self.owner!r}, {self._balance})"

acct = Account("ann")
threads = [threading.Thread(target=lambda: [acct.deposit(1) for _ in range(500)]) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(acct, acct.balance)
try:
    acct.nickname = "x"
except AttributeError as e:
    print("AttributeError:", e)
try:
    acct.deposit(-5)
except ValueError as e:
    print("ValueError:", e)
print(Account.__slots__, hasattr(acct, "__dict__"))
