# Two threads take two locks in opposite orders, three times each. Under 3.10+ switch points
# `with a: with b:` takes both locks in one step, so the deadlock needs a thread to block on
# its second lock and the other to take the first lock again before the woken waiter retries.
import threading

a = threading.Lock()
b = threading.Lock()


def forward():
    for _ in range(3):
        with a:
            with b:
                pass


def backward():
    for _ in range(3):
        with b:
            with a:
                pass


threads = [threading.Thread(target=forward), threading.Thread(target=backward)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("done")
