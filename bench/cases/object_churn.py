# Benchmark case: a worker thread makes 2·10^5 short-lived objects, each with attributes, a
# dict and a list it updates, and adds them up on a long-lived object — the churn of
# requests, messages and records that real programs make. The detectors track every object
# the script touches; memory must stay what the script keeps alive (bench/memory.sh).
import threading

N = 200000


class Record:
    def __init__(self, key, value):
        self.key = key
        self.value = value
        self.fields = {"hits": 0}
        self.history = [value, 0]


class Totals:
    def __init__(self):
        self.value = 0
        self.hits = 0


totals = Totals()


def work():
    for i in range(N):
        record = Record(i, i % 7)
        record.fields["hits"] += 1
        record.history[1] = record.value * 2
        totals.value += record.history[1]
        totals.hits += record.fields["hits"]


worker = threading.Thread(target=work)
worker.start()
worker.join()
print(totals.value, totals.hits)
