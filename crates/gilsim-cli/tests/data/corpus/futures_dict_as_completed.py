# Modelled on the concurrent.futures documentation's URL example, with simulated loads
import concurrent.futures
import time

PAGES = {'home': 0.3, 'about': 0.1, 'blog': 0.2, 'missing': 0.15}

def load(name, delay):
    time.sleep(delay)
    if name == 'missing':
        raise LookupError('404: %s' % name)
    return len(name) * 100

with concurrent.futures.ThreadPoolExecutor(max_workers=4) as executor:
    future_to_page = {executor.submit(load, n, d): n for n, d in PAGES.items()}
    for future in concurrent.futures.as_completed(future_to_page):
        page = future_to_page[future]
        try:
            data = future.result()
        except Exception as exc:
            print('%r generated an exception: %s' % (page, exc))
        else:
            print('%r page is %d bytes' % (page, data))
