# Modelled on public examples with an abstract Worker base class and concrete thread workers.
from abc import ABC, abstractmethod
import threading


class Worker(ABC):
    def __init__(self, name):
        self.name = name
        self.output = []

    @abstractmethod
    def process(self, item):
        ...

    def run_all(self, items):
        for item in items:
            self.output.append(self.process(item))


class Upper(Worker):
    def process(self, item):
        return item.upper()


class Length(Worker):
    def process(self, item):
        return len(item)


try:
    Worker("abstract")
except TypeError as e:
    print(type(e).__name__)
workers = [Upper("u"), Length("l")]
items = ["alpha", "be", "gamma"]
threads = [threading.Thread(target=w.run_all, args=(items,)) for w in workers]
for t in threads:
    t.start()
for t in threads:
    t.join()
for w in workers:
    print(w.name, type(w).__name__, w.output, isinstance(w, Worker))
