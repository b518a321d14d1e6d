# Modelled on examples that iterate dict views and lazy maps while threads update data.
import threading

scores = {"ann": 3, "bob": 5, "cy": 1}
lock = threading.Lock()


def bump(name):
    with lock:
        scores[name] += 10


threads = [threading.Thread(target=bump, args=(n,)) for n in list(scores)]
for t in threads:
    t.start()
for t in threads:
    t.join()
keys = scores.keys()
print(list(keys), list(scores.values()), sorted(scores.items()))
scores["dee"] = 0
print(len(keys), "dee" in keys)
doubled = map(lambda v: v * 2, scores.values())
print(list(doubled), list(filter(None, [0, 1, 2])), list(zip("ab", range(5))))
print(dict(enumerate("xy")), list(reversed([1, 2, 3])))
