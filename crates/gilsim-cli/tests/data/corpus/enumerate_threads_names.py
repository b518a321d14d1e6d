# Modelled on PyMOTW's enumerate() example: joining every thread except the main one.
import random
import threading
import time

random.seed(3)


def worker(pause):
    t = threading.current_thread()
    time.sleep(pause)
    print("%s sleeping %0.2f" % (t.name, pause))


pauses = [round(random.randint(1, 5) / 20, 2) for _ in range(3)]
for p in pauses:
    threading.Thread(target=worker, args=(p,), daemon=True).start()
main_thread = threading.main_thread()
for t in threading.enumerate():
    if t is main_thread:
        continue
    t.join()
    print("joined %s" % t.name)
print(pauses)
