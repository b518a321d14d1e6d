# The producer sets `ready` before `data`: a consumer that sees `ready` between the two
# stores reads `data` as None. Fails on an assertion.
# Bench: runs to the first failure (bench/find.sh).
import threading


class Box:
    def __init__(self):
        self.ready = False
        self.data = None


box = Box()


def producer():
    box.ready = True
    box.data = [1, 2, 3]


def consumer():
    for _ in range(20):
        if box.ready:
            assert box.data is not None, "saw ready before data"
            return


threads = [threading.Thread(target=consumer), threading.Thread(target=producer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
