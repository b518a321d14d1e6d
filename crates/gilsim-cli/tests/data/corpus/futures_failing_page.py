# Modelled on the concurrent.futures documentation's URL-fetching example, with a failing page.
from concurrent.futures import ThreadPoolExecutor, as_completed
import time

URLS = {"alpha": 0.3, "beta": 0.1, "gamma": 0.2}


def fetch(name, delay):
    time.sleep(delay)
    if name == "gamma":
        raise ConnectionError("gamma unreachable")
    return len(name) * 100


with ThreadPoolExecutor(max_workers=3) as pool:
    futures = {pool.submit(fetch, n, d): n for n, d in URLS.items()}
    for fut in as_completed(futures):
        name = futures[fut]
        try:
            size = fut.result()
        except Exception as exc:
            print("%r generated an exception: %s" % (name, exc))
        else:
            print("%r page is %d bytes" % (name, size))
