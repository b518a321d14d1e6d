# Modelled on the concurrent.futures documentation's as_completed URL example, with IOError.
import concurrent.futures
import time

SIZES = {"a.html": 3, "b.css": 1, "c.js": 2, "d.png": 4}

def download(name):
    time.sleep(SIZES[name] * 0.05)
    if name.endswith(".png"):
        raise IOError("cannot fetch " + name)
    return len(name) * SIZES[name]

with concurrent.futures.ThreadPoolExecutor(max_workers=4) as executor:
    future_to_name = {executor.submit(download, name): name for name in SIZES}
    for future in concurrent.futures.as_completed(future_to_name):
        name = future_to_name[future]
        try:
            size = future.result()
        except Exception as exc:
            print("%r generated an exception: %s" % (name, exc))
        else:
            print("%r is %d bytes" % (name, size))
