# Modelled on tutorials showing why RLock exists (a method that calls another locked method).
import threading


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = threading.RLock()

    def withdraw(self, amount):
        with self.lock:
            if self.balance >= amount:
                self.balance -= amount
                return True
            return False

    def transfer(self, other, amount):
        with self.lock:
            if self.withdraw(amount):
                other.deposit(amount)
                return True
            return False

    def deposit(self, amount):
        with self.lock:
            self.balance += amount


a = Account(100)
b = Account(50)
threads = [threading.Thread(target=a.transfer, args=(b, 10)) for _ in range(12)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(a.balance, b.balance, a.balance + b.balance)
