# gilsim: expect=deadlock
# Deadlock in one thread: record() holds the (non-reentrant) Lock and calls a helper that
# takes it again. A plain Lock blocks even its own holder: a cycle of one thread. An RLock
# would have allowed it.
import threading

ledger_lock = threading.Lock()
ledger = []


def audit(entry):
    with ledger_lock:
        print("audit", entry)


def record(entry):
    with ledger_lock:
        ledger.append(entry)
        audit(entry)


t = threading.Thread(target=record, args=("deposit 10",), name="clerk")
t.start()
t.join()
