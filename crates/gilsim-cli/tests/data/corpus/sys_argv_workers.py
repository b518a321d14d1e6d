# Modelled on command-line thread demos that read the worker count from sys.argv.
import sys
import threading

n = int(sys.argv[1]) if len(sys.argv) > 1 else 3
done = []


def work(i):
    done.append(i)


threads = [threading.Thread(target=work, args=(i,)) for i in range(n)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("workers:", n, "done:", sorted(done))
