# Modelled on public concurrent.futures tutorials showing exception handling per future.
import concurrent.futures


def risky(n):
    if n % 3 == 0:
        raise ValueError(f"bad input {n}")
    return n * n


with concurrent.futures.ThreadPoolExecutor(max_workers=3) as ex:
    futures = {ex.submit(risky, n): n for n in range(7)}
    results = {}
    for fut in concurrent.futures.as_completed(futures):
        n = futures[fut]
        try:
            results[n] = fut.result()
        except ValueError as e:
            results[n] = repr(e)
for n in sorted(results):
    print(n, results[n])
f = concurrent.futures.Future()
print(f.done(), f.set_running_or_notify_cancel(), f.running())
f.set_exception(KeyError("k"))
print(type(f.exception()).__name__, f.exception())
