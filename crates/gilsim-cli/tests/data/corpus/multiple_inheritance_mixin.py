# Modelled on mixin-based thread classes (a logging mixin combined with Thread).
import threading


class NamedMixin:
    prefix = "mixin"

    def describe(self):
        return "%s:%s" % (self.prefix, self.name)


class CountingMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.count = 0


class Worker(NamedMixin, CountingMixin, threading.Thread):
    prefix = "worker"

    def run(self):
        for _ in range(5):
            self.count += 1


w = Worker(name="w1")
w.start()
w.join()
print(w.describe(), w.count)
print([c.__name__ for c in Worker.__mro__])
