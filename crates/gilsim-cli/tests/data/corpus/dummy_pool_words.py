# Modelled on tutorials that parallelise a map with multiprocessing.dummy's thread pool
from multiprocessing.dummy import Pool as ThreadPool
import multiprocessing.dummy as mpd
import threading
import time

WORDS = 'apple banana mango peach papaya cherry lemon fig'.split()
seen = set()
seen_lock = mpd.Lock()

def shout(word):
    time.sleep(0.01 * len(word))
    with seen_lock:
        seen.add(threading.current_thread().name.split(' ')[0][:6])
    return word.upper()

pool = ThreadPool(4)
upper = pool.map(shout, WORDS)
lengths = list(pool.imap(len, WORDS, chunksize=2))
pending = [pool.apply_async(shout, (w,)) for w in ('kiwi', 'lime')]
pool.close()
pool.join()
print(upper)
print(lengths, [p.get() for p in pending])
print(sorted(seen), threading.active_count())
with ThreadPool(2) as p:
    print(p.starmap(pow, [(2, 5), (3, 3)]), sorted(p.imap_unordered(abs, [-1, -3, 2])))
    r = p.map_async(len, ['ab', 'abc'])
    print(r.get(timeout=1), r.successful())
ns = mpd.Namespace(b=2, a=1)
v = mpd.Value('i', 7)
v.value += 1
print(ns, v.value, v)
