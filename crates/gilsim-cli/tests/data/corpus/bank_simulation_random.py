# Modelled on "simulate bank customers with random deposits/withdrawals" tutorials.
import random
import threading


class BankAccount:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.lock = threading.Lock()
        self.history = []

    def deposit(self, amount):
        with self.lock:
            self.balance += amount
            self.history.append(("deposit", amount))

    def withdraw(self, amount):
        with self.lock:
            if amount > self.balance:
                self.history.append(("refused", amount))
                return False
            self.balance -= amount
            self.history.append(("withdraw", amount))
            return True

    def __str__(self):
        return f"{self.owner}: ${self.balance:,.2f} ({len(self.history)} ops)"


account = BankAccount("Joint", 100)


def customer(seed):
    rng = random.Random(seed)
    for _ in range(20):
        amount = rng.randint(1, 50)
        if rng.random() < 0.5:
            account.deposit(amount)
        else:
            account.withdraw(amount)


threads = [threading.Thread(target=customer, args=(s,)) for s in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(account)
kinds = {}
for kind, _ in account.history:
    kinds[kind] = kinds.get(kind, 0) + 1
print(sorted(kinds.items()))
total_in = sum(a for k, a in account.history if k == "deposit")
total_out = sum(a for k, a in account.history if k == "withdraw")
print(100 + total_in - total_out == account.balance)
