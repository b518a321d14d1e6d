# Modelled on producer/consumer examples using collections.deque with a Condition.
import collections
import threading

buffer = collections.deque(maxlen=5)
cond = threading.Condition()
done = False
taken = []


def producer():
    global done
    for i in range(12):
        with cond:
            while len(buffer) == buffer.maxlen:
                cond.wait()
            buffer.append(i)
            cond.notify_all()
    with cond:
        done = True
        cond.notify_all()


def consumer():
    while True:
        with cond:
            while not buffer and not done:
                cond.wait()
            if not buffer and done:
                return
            taken.append(buffer.popleft())
            cond.notify_all()


threads = [threading.Thread(target=producer)] + [threading.Thread(target=consumer) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(taken) == list(range(12)), len(buffer), buffer.maxlen)
