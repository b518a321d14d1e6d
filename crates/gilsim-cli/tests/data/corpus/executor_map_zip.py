# Modelled on examples pairing inputs and outputs of executor.map with zip and enumerate.
from concurrent.futures import ThreadPoolExecutor


def word_stats(word):
    return len(word), sum(1 for c in word if c in "aeiou")


words = ["thread", "lock", "semaphore", "barrier", "event"]
with ThreadPoolExecutor(max_workers=3) as ex:
    for i, (word, (length, vowels)) in enumerate(zip(words, ex.map(word_stats, words)), start=1):
        print(f"{i}. {word:<10} length={length:2d} vowels={vowels}")
    totals = list(ex.map(lambda w: w[::-1], words))
print(totals)
