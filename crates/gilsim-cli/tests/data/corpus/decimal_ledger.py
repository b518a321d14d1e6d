# Modelled on public money-handling examples using Decimal with threads and a lock.
from decimal import Decimal, ROUND_HALF_UP
import threading

balance = Decimal("100.00")
lock = threading.Lock()


def apply(amounts):
    global balance
    for a in amounts:
        with lock:
            balance += Decimal(a)


ts = [threading.Thread(target=apply, args=(["0.10", "0.20", "-0.05"],)) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(balance, balance.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
print(Decimal("1.10") + Decimal("2.20"), Decimal(3) / Decimal(7))
