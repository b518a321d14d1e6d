# Modelled on the Rosetta Code task "Synchronous concurrency"
import io
import threading
from queue import Queue

TEXT = io.StringIO("first line\nsecond line\n\nfourth after blank\nlast\n")

lines = Queue()
count = Queue()

def reader():
    for line in TEXT:
        lines.put(line)
    lines.put(None)
    print('printed %d lines' % count.get())

def printer():
    n = 0
    while True:
        line = lines.get()
        if line is None:
            break
        print(line, end='')
        n += 1
    count.put(n)

r = threading.Thread(target=reader)
p = threading.Thread(target=printer)
r.start(); p.start()
r.join(); p.join()
