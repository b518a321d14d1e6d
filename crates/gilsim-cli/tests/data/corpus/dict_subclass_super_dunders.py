# Modelled on "subclassing dict" tutorials: an audited, lock-protected dict subclass that calls
# super().__setitem__/__getitem__, a __missing__ default, and rankings sorted by d.__getitem__.
import threading


class AuditedDict(dict):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lock = threading.Lock()
        self.writes = 0

    def __setitem__(self, key, value):
        with self.lock:
            self.writes += 1
            super().__setitem__(key, value)

    def __getitem__(self, key):
        return super().__getitem__(key)

    def __missing__(self, key):
        return 0

    def __delitem__(self, key):
        print("deleting", key)
        super().__delitem__(key)


scores = AuditedDict(seed=1)
words = "the quick brown fox jumps over the lazy dog the fox".split()


count_lock = threading.Lock()


def count(chunk):
    for word in chunk:
        with count_lock:
            current = dict.__getitem__(scores, word) if word in scores else 0
            scores[word] = current + 1


threads = [threading.Thread(target=count, args=(words[i::3],)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()

del scores["seed"]
ranking = sorted(scores, key=scores.__getitem__, reverse=True)
print("top three:", ranking[:3], [scores[w] for w in ranking[:3]])
print("missing word:", scores["cat"], "len:", scores.__len__(), "writes:", scores.writes)
print("has fox:", scores.__contains__("fox"), "keys via __iter__:", sorted(scores.__iter__())[:4])
print("by map:", list(map(scores.__getitem__, ["the", "dog", "cat"])))
print("plain dict views:", dict.__len__(scores), isinstance(scores, dict), type(scores).__mro__[1].__name__)
