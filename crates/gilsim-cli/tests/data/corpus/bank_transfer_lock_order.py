# Modelled on bank-account transfer examples that avoid deadlock by locking accounts in a
# fixed order (by account id).
import threading


class Account:
    def __init__(self, number, balance):
        self.number = number
        self.balance = balance
        self.lock = threading.Lock()

    def __repr__(self):
        return "Account(%d, %d)" % (self.number, self.balance)


def transfer(source, target, amount):
    first, second = sorted([source, target], key=lambda a: a.number)
    with first.lock:
        with second.lock:
            if source.balance >= amount:
                source.balance -= amount
                target.balance += amount
                return True
            return False


accounts = [Account(i, 100) for i in range(3)]
results = []


def teller(moves):
    for src, dst, amount in moves:
        results.append(transfer(accounts[src], accounts[dst], amount))


plans = [[(0, 1, 30), (1, 2, 10)] * 5, [(2, 0, 20), (1, 0, 5)] * 5, [(0, 2, 15)] * 5]
threads = [threading.Thread(target=teller, args=(plan,)) for plan in plans]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sum(a.balance for a in accounts), len(results))
