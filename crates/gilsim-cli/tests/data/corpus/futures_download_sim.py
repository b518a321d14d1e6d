# Modelled on the ThreadPoolExecutor example in the concurrent.futures documentation
# (load URLs, as_completed), with the network replaced by sleeps.
import concurrent.futures
import time

PAGES = {"http://a.example/": 0.3, "http://b.example/": 0.1, "http://c.example/": 0.2}


def load_url(url, timeout):
    time.sleep(PAGES[url])
    if url.startswith("http://c"):
        raise ValueError("page %s is broken" % url)
    return len(url) * 100


with concurrent.futures.ThreadPoolExecutor(max_workers=5) as executor:
    future_to_url = {executor.submit(load_url, url, 60): url for url in PAGES}
    for future in concurrent.futures.as_completed(future_to_url):
        url = future_to_url[future]
        try:
            data = future.result()
        except Exception as exc:
            print("%r generated an exception: %s" % (url, exc))
        else:
            print("%r page is %d bytes" % (url, data))
