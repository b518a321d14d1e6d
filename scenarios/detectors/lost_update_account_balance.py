# gilsim: expect=lost-update
# Lost update on an attribute: two tellers withdraw from one account. Each reads the
# balance, checks with the bank (a blocking call, so the other teller runs), then writes its
# own result back over the other's. One withdrawal vanishes: the balance ends at 70, not 40.
import threading
import time


class Account:
    def __init__(self, balance):
        self.balance = balance


def withdraw(account, amount):
    seen = account.balance
    time.sleep(0.01)  # ask the bank: the GIL is released
    account.balance = seen - amount


acct = Account(100)
tellers = [threading.Thread(target=withdraw, args=(acct, n)) for n in (30, 30)]
for t in tellers:
    t.start()
for t in tellers:
    t.join()
print("balance:", acct.balance)
