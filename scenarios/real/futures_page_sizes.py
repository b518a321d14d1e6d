# gilsim: expect=ok
# Source: the ThreadPoolExecutor example of the Python documentation (concurrent.futures,
# "ThreadPoolExecutor Example"), rewritten: fetching pages becomes sleeping for a time that
# depends on the page, so results arrive in an order fixed by the sleeps, not the submission.
import concurrent.futures
import time

PAGES = {
    "http://www.example.com/": 0.30,
    "http://www.example.org/news": 0.10,
    "http://www.example.net/about": 0.50,
    "http://www.example.com/missing": 0.20,
    "http://www.example.org/": 0.40,
}


def load_page(url, timeout):
    delay = PAGES[url]
    if delay > timeout:
        raise TimeoutError("timed out after %.1f s" % timeout)
    time.sleep(delay)
    if url.endswith("missing"):
        raise ValueError("404 for " + url)
    return "x" * int(delay * 1000 + len(url))


with concurrent.futures.ThreadPoolExecutor(max_workers=5) as executor:
    future_to_url = {executor.submit(load_page, url, 0.45): url for url in PAGES}
    for future in concurrent.futures.as_completed(future_to_url):
        url = future_to_url[future]
        try:
            data = future.result()
        except Exception as exc:
            print("%r generated an exception: %s" % (url, exc))
        else:
            print("%r page is %d bytes" % (url, len(data)))
