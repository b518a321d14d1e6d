# Modelled on workers that log their own traceback with traceback.format_exc.
import threading
import traceback

reports = []


def risky(n):
    try:
        return 10 // n
    except ZeroDivisionError:
        reports.append(traceback.format_exc().strip().splitlines()[-1])


ts = [threading.Thread(target=risky, args=(n,)) for n in (2, 0, 5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(reports)
