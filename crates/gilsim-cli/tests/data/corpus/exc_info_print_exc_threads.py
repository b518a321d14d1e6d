# Modelled on thread error handling with sys.exc_info and traceback.print_exc.
import sys
import threading
import traceback

errors = []

def risky(n):
    try:
        return 10 // n
    except ZeroDivisionError:
        etype, value, tb = sys.exc_info()
        errors.append((etype.__name__, str(value)))
        traceback.print_exc(file=sys.stdout)
        return None

results = {}
def run(n):
    results[n] = risky(n)

threads = [threading.Thread(target=run, args=(n,)) for n in (2, 0, 5)]
for t in threads: t.start()
for t in threads: t.join()
print(sorted(results.items(), key=lambda kv: kv[0]))
print(errors)
