# Two threads race to claim a prize under a lock: whoever takes the lock first wins.
import threading

lock = threading.Lock()
winner = None


def claim(name):
    global winner
    with lock:
        if winner is None:
            winner = name


claimants = [threading.Thread(target=claim, args=(n,)) for n in "ab"]
for c in claimants:
    c.start()
for c in claimants:
    c.join()
print(winner)
