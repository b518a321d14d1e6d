# Modelled on multiprocessing map-reduce word-count examples (Pool.map then a Counter merge).
from collections import Counter
from multiprocessing import Pool

DOCS = [
    "the cat sat on the mat",
    "the dog sat on the log",
    "cats and dogs and logs",
    "a mat for the cat",
]


def mapper(doc):
    return Counter(doc.split())


if __name__ == "__main__":
    with Pool(2) as pool:
        partials = pool.map(mapper, DOCS)
    total = Counter()
    for c in partials:
        total.update(c)
    print(total.most_common(4))
    print(sum(total.values()), len(total))
