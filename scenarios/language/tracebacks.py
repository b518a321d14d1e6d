# gilsim: expect=exception
# Tracebacks as each CPython version prints them: the line of the expression that failed
# (3.6/3.7: the last line the statement had reached), and from 3.11 the carets under it —
# `~` around an operator or a subscript's brackets, a call's arguments from 3.13 — for
# failures in worker threads (printed by threading's excepthook) and in the main thread.
import threading
import traceback

ledger = {"alice": 10}
counts = [0, 0]


def rate(amount, days):
    return amount / days


def pay(name):
    ledger[name] += 5


def average(values):
    total = sum(values)
    share = rate(total,
                 len(values))
    return share


def check(balance):
    assert balance > 0, "overdrawn"


def call_twice(f, arg):
    f(arg)


workers = [
    threading.Thread(target=pay, args=("bob",), name="payer"),
    threading.Thread(target=average, args=([],), name="averager"),
    threading.Thread(target=check, args=(-1,), name="checker"),
    threading.Thread(target=call_twice, args=(len, 7), name="caller"),
]
for w in workers:
    w.start()
    w.join()

for attempt in (lambda: counts[5], lambda: counts[0] + "x", lambda: ledger["carol"] * 2, lambda: -ledger):
    try:
        attempt()
    except Exception:
        print(traceback.format_exc().splitlines()[-3:])

result = (
    counts[0] +
    rate(1, counts[1])
)
