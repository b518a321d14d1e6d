# Two withdrawals check the balance, then store the new one: both can pass the check
# before either stores (a check-then-act race on an attribute). Fails on an assertion.
# Bench: runs to the first failure (bench/find.sh).
import threading


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = threading.Lock()

    def withdraw(self, amount):
        if self.balance >= amount:
            new = self.balance - amount
            self.balance = new
            return True
        return False


account = Account(100)
results = []


def customer(amount):
    results.append(account.withdraw(amount))


threads = [threading.Thread(target=customer, args=(a,)) for a in (70, 60)]
for t in threads:
    t.start()
for t in threads:
    t.join()
assert account.balance >= 0 and results.count(True) == 1, (account.balance, results)
