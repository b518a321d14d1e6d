# Modelled on examples that sort worker results with operator.itemgetter/attrgetter.
import operator
import threading

scores = []
lock = threading.Lock()


def grade(name, points):
    with lock:
        scores.append((name, points, len(name)))


threads = [threading.Thread(target=grade, args=a) for a in [("ann", 7), ("bob", 9), ("cy", 7), ("dee", 3)]]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(scores, key=operator.itemgetter(1, 0)))
print(max(scores, key=operator.itemgetter(1)), operator.add(2, 3), list(map(operator.mul, [1, 2], [3, 4])))
