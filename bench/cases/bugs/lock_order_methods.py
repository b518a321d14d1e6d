# A transfer takes the source account's lock, then the destination's: two opposite
# transfers deadlock. `with` blocks, so only where entering one is a switch point (<= 3.9,
# --switch-points every).
# Bench: runs to the first failure (bench/find.sh).
import threading


class Account:
    def __init__(self, name, balance):
        self.name = name
        self.balance = balance
        self.lock = threading.Lock()


def transfer(src, dst, amount):
    with src.lock:
        fee = amount // 10
        with dst.lock:
            src.balance -= amount + fee
            dst.balance += amount


alice = Account("alice", 100)
bob = Account("bob", 100)
threads = [
    threading.Thread(target=transfer, args=(alice, bob, 10)),
    threading.Thread(target=transfer, args=(bob, alice, 20)),
]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(alice.balance, bob.balance)
