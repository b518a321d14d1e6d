# Two threads update a Batch's count without a lock; the batch then dies, and the main thread
# makes twenty thousand short-lived Scratch objects, enough for the detectors to let dead
# objects' locations go several times over. The report on `Batch.count` must survive that:
# its location is never given to a Scratch.
import threading


class Batch:
    def __init__(self):
        self.count = 0


class Scratch:
    def __init__(self, n):
        self.n = n


def bump(batch):
    for _ in range(300):
        batch.count += 1


batch = Batch()
bumpers = [threading.Thread(target=bump, args=(batch,)) for _ in range(2)]
for b in bumpers:
    b.start()
for b in bumpers:
    b.join()
del batch
for n in range(20000):
    scratch = Scratch(n)
    scratch.n += 1
print("done")
