# Modelled on examples with an abstract base class for pluggable worker threads.
import abc
import threading


class Handler(abc.ABC):
    @abc.abstractmethod
    def handle(self, item):
        ...

    def run_all(self, items):
        return [self.handle(i) for i in items]


class Doubler(Handler):
    def handle(self, item):
        return item * 2


try:
    Handler()
except TypeError as e:
    print("TypeError:", e)

results = {}


def go(name, handler, items):
    results[name] = handler.run_all(items)


t = threading.Thread(target=go, args=("d", Doubler(), [1, 2, 3]))
t.start()
t.join()
print(results)
