# Modelled on "collect scores from worker threads and rank them" examples.
import threading

scores = {}
lock = threading.Lock()
players = {"ana": [3, 9, 4], "bob": [8, 8, 1], "cy": [10, 2, 7], "dee": [5, 5, 5]}


def play(name, rolls):
    total = sum(r * (i + 1) for i, r in enumerate(rolls))
    with lock:
        scores[name] = total


ts = [threading.Thread(target=play, args=item) for item in players.items()]
[t.start() for t in ts]
[t.join() for t in ts]
ranking = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
print("=" * 20)
for place, (name, score) in enumerate(ranking, start=1):
    print(f"{place}. {name.capitalize():<8}{score:>5}")
print("=" * 20)
best = max(scores, key=scores.get)
print("winner:", best.upper(), "with", scores[best])
print("all above 20:", all(s > 20 for s in scores.values()), "any above 40:", any(s > 40 for s in scores.values()))
