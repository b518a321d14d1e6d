# Modelled on CountDownLatch implementations in Python (a Condition and a counter): the
# main thread waits until every worker has counted down.
import threading


class CountDownLatch:
    def __init__(self, count):
        self.count = count
        self.cond = threading.Condition()

    def count_down(self):
        with self.cond:
            self.count -= 1
            if self.count <= 0:
                self.cond.notify_all()

    def wait(self):
        with self.cond:
            while self.count > 0:
                self.cond.wait()


latch = CountDownLatch(4)
ready = []


def service(name):
    ready.append(name)
    latch.count_down()


for name in ["db", "cache", "queue", "web"]:
    threading.Thread(target=service, args=(name,)).start()
latch.wait()
print("all ready:", sorted(ready), latch.count)
