# gilsim: expect=ok policy=preemptive runs=20
# Looks dangerous, is correct: two threads each build thousands of short-lived Job objects
# and update their fields, dicts and lists with read-modify-writes and no lock. Every object
# belongs to the thread that made it and dies before the next one is made; only the totals
# are shared, and they are added under a lock. The detectors let a dead object's locations go
# (memory stays flat however many objects a run makes), and a location made later in another
# thread, maybe at the same address, starts with no history: nothing to race on.
import threading

totals = {}
totals_lock = threading.Lock()


class Job:
    def __init__(self, number):
        self.number = number
        self.attempts = 0
        self.tags = {"retries": 0}
        self.marks = [0, 0]


def work(name):
    done = 0
    for number in range(3000):
        job = Job(number)
        job.attempts += 1
        job.tags["retries"] += number % 3
        job.marks[1] += job.attempts
        done += job.marks[1]
    with totals_lock:
        totals[name] = done


workers = [threading.Thread(target=work, args=(name,)) for name in ("left", "right")]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(sorted(totals.items()))
