# gilsim: expect=ok python=2.7
# Python 2 lambdas that unpack a tuple parameter (PEP 3113 removed them in 3.0), as old code
# sorts and maps a dict's items with them; threads share the sorted results.
import threading

scores = {"ann": 3, "bob": 7, "cy": 5}
ranked = sorted(scores.items(), key=lambda (name, score): (-score, name))
print ranked
pairs = [(1, (2, 3)), (4, (5, 6))]
print map(lambda (a, (b, c)): a + b * c, pairs)
weigh = lambda base, (low, high), scale=1: (base + low + high) * scale
print weigh(1, (2, 3)), weigh(1, [2, 3], 10)
results = []
lock = threading.Lock()


def worker(items):
    total = reduce(lambda acc, (name, score): acc + score,
                   items, 0)
    with lock:
        results.append(total)


threads = [threading.Thread(target=worker, args=(ranked[i:],)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print sorted(results), filter(lambda (n, s): s > 4 and
                              n != "cy", ranked)
