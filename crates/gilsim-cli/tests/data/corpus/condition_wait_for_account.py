# Modelled on bank-account examples using Condition.wait_for.
import threading
import time


class Account:
    def __init__(self):
        self.balance = 0
        self.cond = threading.Condition()

    def deposit(self, amount):
        with self.cond:
            self.balance += amount
            print(f"deposit {amount:>4} -> balance {self.balance}")
            self.cond.notify_all()

    def withdraw(self, amount):
        with self.cond:
            ok = self.cond.wait_for(lambda: self.balance >= amount, timeout=2)
            if not ok:
                print(f"withdraw {amount} timed out")
                return False
            self.balance -= amount
            print(f"withdraw {amount:>3} -> balance {self.balance}")
            return True


acct = Account()
w = threading.Thread(target=acct.withdraw, args=(150,))
w.start()
for amount in (50, 60, 70):
    time.sleep(0.1)
    acct.deposit(amount)
w.join()
t = threading.Thread(target=acct.withdraw, args=(1000,))
t.start()
t.join()
print("final", acct.balance)
