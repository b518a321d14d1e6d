# Modelled on public "split a text into chunks and count words with threads" examples.
import threading
from collections import Counter
import re

TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness"""

lines = TEXT.splitlines()
partials = [None] * len(lines)


def count(i, line):
    words = re.findall(r"[a-z]+", line.lower())
    partials[i] = Counter(words)


ts = [threading.Thread(target=count, args=(i, l)) for i, l in enumerate(lines)]
for t in ts:
    t.start()
for t in ts:
    t.join()
total = sum(partials, Counter())
print(total.most_common(5))
print(total["times"], total["light"], total["nothing"])
print(sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[5:9])
