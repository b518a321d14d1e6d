# Modelled on public "download with progress counter" examples using as_completed and f-strings.
from concurrent.futures import ThreadPoolExecutor, as_completed
import time

URLS = [f"https://example.com/page/{i}" for i in range(6)]


def fetch(url):
    n = int(url.rsplit("/", 1)[1])
    time.sleep(0.02 * (6 - n))
    return url, len(url) * n


done = 0
sizes = {}
with ThreadPoolExecutor(max_workers=4) as ex:
    futures = [ex.submit(fetch, u) for u in URLS]
    for fut in as_completed(futures):
        url, size = fut.result()
        done += 1
        sizes[url] = size
print(f"{done}/{len(URLS)} pages, {sum(sizes.values()):,} bytes")
for url in URLS:
    print(f"{url:<30} {sizes[url]:>5}")
