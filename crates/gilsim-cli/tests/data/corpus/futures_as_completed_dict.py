# Modelled on the concurrent.futures documentation example that maps each future to its URL
# and handles results with as_completed.
import concurrent.futures
import time

PAGES = {"http://a.example": 3, "http://b.example": 1, "http://c.example": 2, "http://bad.example": 0}


def load(url, delay):
    time.sleep(delay * 0.01)
    if delay == 0:
        raise ValueError("no route to %s" % url)
    return len(url) * delay


results = {}
errors = []
with concurrent.futures.ThreadPoolExecutor(max_workers=2) as executor:
    future_to_url = {executor.submit(load, url, delay): url for url, delay in PAGES.items()}
    for future in concurrent.futures.as_completed(future_to_url):
        url = future_to_url[future]
        try:
            results[url] = future.result()
        except Exception as exc:
            errors.append("%r generated an exception: %s" % (url, exc))
for url in sorted(results):
    print("%r page is %d bytes" % (url, results[url]))
print(errors)
