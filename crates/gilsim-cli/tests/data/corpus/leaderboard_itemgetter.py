# Modelled on exercises ranking per-thread scores
import threading
from operator import itemgetter

scores = {}
lock = threading.Lock()

def play(name, seed):
    total = 0
    x = seed
    for _ in range(50):
        x = (x * 1103515245 + 12345) % 2**31
        total += x % 100
    with lock:
        scores[name] = total / 50

names = ['ann', 'bob', 'cy', 'dee', 'eve']
ts = [threading.Thread(target=play, args=(n, i + 7)) for i, n in enumerate(names)]
for t in ts: t.start()
for t in ts: t.join()
for rank, (name, score) in enumerate(sorted(scores.items(), key=itemgetter(1), reverse=True), start=1):
    print(f"{rank:>2}. {name:<6}{score:6.2f}")
print(max(scores, key=scores.get), min(scores.values()))
