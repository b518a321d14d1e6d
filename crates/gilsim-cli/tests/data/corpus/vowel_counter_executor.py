# Modelled on "count characters in many strings with a thread pool" examples.
from concurrent.futures import ThreadPoolExecutor
from collections import defaultdict

SENTENCES = [
    "The quick brown fox",
    "jumps over the lazy dog",
    "Pack my box with five dozen liquor jugs",
    "How vexingly quick daft zebras jump",
]


def vowel_stats(text):
    counts = defaultdict(int)
    for ch in text.lower():
        if ch in "aeiou":
            counts[ch] += 1
    return text.split()[0], dict(sorted(counts.items()))


with ThreadPoolExecutor(max_workers=2) as pool:
    results = list(pool.map(vowel_stats, SENTENCES))
for first, counts in results:
    total = sum(counts.values())
    print(f"{first:<6} {total:2d} {counts}")
grand = defaultdict(int)
for _, counts in results:
    for k, v in counts.items():
        grand[k] += v
print("most common vowel:", max(grand, key=grand.get), dict(grand))
