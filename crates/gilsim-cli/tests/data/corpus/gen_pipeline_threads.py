# Modelled on generator pipelines fed from a worker thread through a queue.
import queue
import threading

q = queue.Queue()


def producer():
    for line in ["10 apples", "3 pears", "bad line", "7 plums"]:
        q.put(line)
    q.put(None)


def lines_from(q):
    while True:
        item = q.get()
        if item is None:
            return
        yield item


def parse(lines):
    for line in lines:
        parts = line.split()
        if len(parts) == 2 and parts[0].isdigit():
            yield parts[1], int(parts[0])


t = threading.Thread(target=producer)
t.start()
inventory = dict(parse(lines_from(q)))
t.join()
print(inventory)
print(max(inventory.items(), key=lambda kv: kv[1]))
print(sum(inventory.values()), sorted(inventory, key=inventory.get))
