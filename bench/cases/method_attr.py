# Benchmark case: a method call and an attribute store 2·10^5 times.
class Account:
    def __init__(self):
        self.balance = 0

    def deposit(self, amount):
        self.balance = self.balance + amount


account = Account()
for i in range(200000):
    account.deposit(1)
print(account.balance)
