# Modelled on tutorials that pretty-print per-thread results
import threading
import pprint
import time

results = {}
lock = threading.Lock()

def crawl(site, delay):
    time.sleep(delay)
    with lock:
        results[site] = {'links': [site + '/' + p for p in ('a', 'b', 'c')], 'delay': delay, 'ok': True}

sites = [('example.org', 0.1), ('python.org', 0.2), ('docs.python.org', 0.3)]
ts = [threading.Thread(target=crawl, args=s) for s in sites]
for t in ts: t.start()
for t in ts: t.join()
pprint.pprint(results)
pprint.pprint(list(range(30)), width=40)
print(pprint.pformat({'k': [1, 2], 'a': (3, 4)}))
