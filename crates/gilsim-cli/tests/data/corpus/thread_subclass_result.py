# Modelled on tutorials that subclass Thread to keep a result (GeeksforGeeks, PyMOTW
# "threading_subclass_args").
import threading


class SumThread(threading.Thread):
    def __init__(self, numbers, name=None):
        super().__init__(name=name)
        self.numbers = numbers
        self.result = None

    def run(self):
        self.result = sum(self.numbers)


chunks = [range(0, 1000), range(1000, 2000), range(2000, 3000)]
workers = [SumThread(list(c), name="summer-%d" % i) for i, c in enumerate(chunks)]
for w in workers:
    w.start()
for w in workers:
    w.join()
for w in workers:
    print(w.name, w.result)
print("total:", sum(w.result for w in workers))
