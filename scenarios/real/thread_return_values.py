# Getting a value back from a thread, the ways answers to "how do I get the return value of
# a thread" teach: a Thread subclass whose run() calls `self._target(*self._args,
# **self._kwargs)` and whose join() returns the result, a result list indexed by worker, and a
# queue. Thread.run() deletes `_target`, `_args` and `_kwargs` once it ran, as CPython's
# does; a subclass that overrides run() keeps them.
# gilsim: expect=ok
import queue
import threading


class ThreadWithResult(threading.Thread):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._result = None

    def run(self):
        if self._target is not None:
            self._result = self._target(*self._args, **self._kwargs)

    def join(self, timeout=None):
        super().join(timeout)
        return self._result


def word_lengths(words, minimum=0):
    return {w: len(w) for w in words if len(w) >= minimum}


jobs = [
    ThreadWithResult(target=word_lengths, args=(["lock", "gil", "thread"],), kwargs={"minimum": 4}),
    ThreadWithResult(target=sum, args=([1, 2, 3, 4],)),
    ThreadWithResult(),
]
for job in jobs:
    job.start()
print([job.join() for job in jobs])
print("subclass keeps _target:", jobs[1]._target is sum, jobs[1]._args, jobs[1]._kwargs)

results = [None] * 3


def store(index, base):
    results[index] = base ** index


workers = [threading.Thread(target=store, args=(i, 10)) for i in range(3)]
print("before start:", workers[0]._target is store, workers[0]._args, workers[0]._kwargs)
for w in workers:
    w.start()
for w in workers:
    w.join()
print(results)
print("after run:", hasattr(workers[0], "_target"), hasattr(workers[0], "_args"))

answers = queue.Queue()
t = threading.Thread(target=lambda q, x: q.put(x * 2), args=(answers, 21))
t.start()
t.join()
print("from the queue:", answers.get_nowait())

patched = threading.Thread()
patched._target = print
patched._args = ("patched", "target")
patched.start()
patched.join()
try:
    workers[0]._kwargs
except AttributeError as error:
    print("AttributeError:", error)
