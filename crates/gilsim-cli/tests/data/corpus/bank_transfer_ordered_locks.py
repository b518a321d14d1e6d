# Modelled on public bank-transfer examples that avoid deadlock by ordering locks by account id.
import threading
import random


class Account:
    def __init__(self, ident, balance):
        self.ident = ident
        self.balance = balance
        self.lock = threading.RLock()

    def __repr__(self):
        return "Account(%d, %d)" % (self.ident, self.balance)


def transfer(src, dst, amount):
    first, second = sorted([src, dst], key=lambda a: a.ident)
    with first.lock:
        with second.lock:
            if src.balance >= amount:
                src.balance -= amount
                dst.balance += amount
                return True
            return False


accounts = [Account(i, 100) for i in range(4)]
rng = random.Random(42)
plans = [[(rng.randrange(4), rng.randrange(4), rng.randint(1, 60)) for _ in range(50)] for _ in range(3)]
results = []


def teller(plan):
    ok = 0
    for s, d, amt in plan:
        if s != d and transfer(accounts[s], accounts[d], amt):
            ok += 1
    results.append(ok)


ts = [threading.Thread(target=teller, args=(p,)) for p in plans]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("total:", sum(a.balance for a in accounts))
print("transfers attempted:", sum(len(p) for p in plans))
print(plans[0][:3])
