# Modelled on the Rosetta Code task "Atomic updates"
import threading
import random
import time

class Buckets:
    def __init__(self, values):
        self.values = list(values)
        self.lock = threading.Lock()
    def transfer(self, src, dst, amount):
        with self.lock:
            amount = min(amount, self.values[src])
            self.values[src] -= amount
            self.values[dst] += amount
    def equalize(self, a, b):
        with self.lock:
            total = self.values[a] + self.values[b]
            self.values[a] = total // 2
            self.values[b] = total - total // 2
    def snapshot(self):
        with self.lock:
            return list(self.values)

b = Buckets([10, 20, 30, 40, 50])
stop = threading.Event()

def randomizer(seed):
    rnd = random.Random(seed)
    while not stop.is_set():
        b.transfer(rnd.randrange(5), rnd.randrange(5), rnd.randint(1, 10))

def equalizer(seed):
    rnd = random.Random(seed)
    while not stop.is_set():
        b.equalize(rnd.randrange(5), rnd.randrange(5))

ts = [threading.Thread(target=randomizer, args=(1,)), threading.Thread(target=equalizer, args=(2,))]
for t in ts:
    t.start()
sums = set()
for _ in range(5):
    time.sleep(0.05)
    sums.add(sum(b.snapshot()))
stop.set()
for t in ts:
    t.join()
print('sums seen:', sums)
print('final total', sum(b.snapshot()))
