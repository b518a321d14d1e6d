# Modelled on exercises counting letter frequencies in parallel chunks
import string
import threading
from itertools import cycle, zip_longest

TEXT = ("It was the best of times, it was the worst of times, it was the age of "
        "wisdom, it was the age of foolishness") * 3

def count(chunk, out, lock):
    local = {}
    for ch in chunk.lower():
        if ch in string.ascii_lowercase:
            local[ch] = local.get(ch, 0) + 1
    with lock:
        for k, v in local.items():
            out[k] = out.get(k, 0) + v

n = 4
size = -(-len(TEXT) // n)
chunks = [TEXT[i:i + size] for i in range(0, len(TEXT), size)]
freq, lock = {}, threading.Lock()
ts = [threading.Thread(target=count, args=(c, freq, lock)) for c in chunks]
for t in ts: t.start()
for t in ts: t.join()
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
print(top)
colours = cycle(['red', 'green'])
for (letter, n_), colour in zip(top, colours):
    print(f'{letter}:{n_:>3} {colour}')
print(list(zip_longest('ab', [1, 2, 3], fillvalue='-')))
print(string.punctuation[:10], string.digits, string.capwords('hello there world'))
