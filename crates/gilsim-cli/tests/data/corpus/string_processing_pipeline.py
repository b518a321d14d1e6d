# Modelled on three-stage pipelines (read, transform, write) joined by queues.
import queue
import threading

raw = queue.Queue()
clean = queue.Queue()
output = []
STOP = "<stop>"


def reader(lines):
    for line in lines:
        raw.put(line)
    raw.put(STOP)


def transformer():
    while True:
        line = raw.get()
        if line == STOP:
            clean.put(STOP)
            return
        words = [w.strip(".,!?").lower() for w in line.split()]
        clean.put(" ".join(w for w in words if w))


def writer():
    while True:
        line = clean.get()
        if line == STOP:
            return
        output.append(line.title())


text = ["Hello, World!", "  Threads are FUN.  ", "", "queues, queues, QUEUES!"]
stages = [threading.Thread(target=reader, args=(text,)), threading.Thread(target=transformer), threading.Thread(target=writer)]
for s in stages:
    s.start()
for s in stages:
    s.join()
for i, line in enumerate(output, 1):
    print("%d: %r" % (i, line))
print("words:", sum(len(l.split()) for l in output))
