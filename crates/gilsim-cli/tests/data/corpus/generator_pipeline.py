# Modelled on "generator pipeline feeding threads" examples (David Beazley's generator
# tutorials combined with a queue of work).
import queue
import threading


def numbers(limit):
    n = 0
    while n < limit:
        yield n
        n += 1


def squares(seq):
    for x in seq:
        yield x * x


def evens(seq):
    return (x for x in seq if x % 2 == 0)


work = queue.Queue()
out = []


def consume():
    while True:
        item = work.get()
        if item is None:
            return
        out.append(item)


t = threading.Thread(target=consume)
t.start()
for value in evens(squares(numbers(10))):
    work.put(value)
work.put(None)
t.join()
print(out, sum(out))
