# Modelled on bank-account race tutorials: deposits and withdrawals guarded by a lock.
import threading


class BankAccount:
    def __init__(self, balance=0):
        self.balance = balance
        self.lock = threading.Lock()

    def deposit(self, amount):
        with self.lock:
            new_balance = self.balance + amount
            self.balance = new_balance

    def withdraw(self, amount):
        with self.lock:
            if self.balance >= amount:
                self.balance -= amount
                return True
            return False


acct = BankAccount(100)
outcomes = []


def spender():
    for _ in range(50):
        outcomes.append(acct.withdraw(3))


def earner():
    for _ in range(50):
        acct.deposit(2)


ts = [threading.Thread(target=spender), threading.Thread(target=earner), threading.Thread(target=spender)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(acct.balance + 3 * outcomes.count(True) - 2 * 50 == 100, len(outcomes))
print(f"Final balance is consistent: {acct.balance >= 0}")
