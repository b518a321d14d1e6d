# gilsim: expect=ok python=2.7
# Python 2's protocols in a job scheduler: jobs ordered by __cmp__ in a PriorityQueue (the
# 2.7 documentation's recipe), truth by __nonzero__, map(None, ...) and map over sequences
# of unequal length, filter of a string, unichr, the error of multiplying a sequence by a
# non-int, and 2.7's unpacking errors (a generator runs one item past the targets).
import threading
import Queue


class Job(object):
    def __init__(self, priority, description):
        self.priority = priority
        self.description = description

    def __cmp__(self, other):
        return cmp(self.priority, other.priority)

    def __nonzero__(self):
        return bool(self.description)

    def __repr__(self):
        return "Job(%d, %r)" % (self.priority, self.description)


jobs = Queue.PriorityQueue()
for priority, text in [(3, "low"), (10, "lowest"), (1, "urgent"), (2, "")]:
    jobs.put(Job(priority, text))
done = []


def worker():
    while True:
        try:
            job = jobs.get_nowait()
        except Queue.Empty:
            return
        if job:
            done.append(job.description)
        else:
            done.append("(empty job %d)" % job.priority)


workers = [threading.Thread(target=worker) for _ in range(2)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print sorted(done)
print sorted([Job(3, "c"), Job(1, "a"), Job(2, "b")]), Job(1, "x") < Job(2, "y"), Job(2, "p") == Job(2, "q")
print max(Job(5, "e"), Job(4, "d")), bool(Job(1, "")), not Job(1, "z")
print map(None, [1, 2], "ab"), map(None, (7, 8)), map(lambda a, b: (a, b), [1, 2, 3], [4])
print filter(lambda ch: ch not in "aeiou", "threading"), filter(None, (0, 1, "", "x")), unichr(97)
try:
    "ab" * 2.0
except TypeError as e:
    print e


def countdown(n):
    while n:
        print "yield", n
        yield n
        n -= 1


for source in (countdown(5), [1]):
    try:
        first, second = source
    except ValueError as e:
        print e
