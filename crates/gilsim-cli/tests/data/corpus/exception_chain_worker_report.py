# Modelled on error-handling tutorials: a custom exception raised from a ValueError in worker threads, then formatted.
import threading
import traceback

class TaskError(Exception):
    def __init__(self, task, cause):
        super().__init__(f"task {task} failed")
        self.task = task
        self.cause = cause

errors = []

def parse(s):
    return int(s)

def worker(task, raw):
    try:
        try:
            parse(raw)
        except ValueError as e:
            raise TaskError(task, e) from e
    except TaskError as te:
        errors.append(te)

ts = [threading.Thread(target=worker, args=(i, r)) for i, r in enumerate(["1", "x", "3", "4.5"])]
for t in ts: t.start()
for t in ts: t.join()
for e in sorted(errors, key=lambda e: e.task):
    print(e, "|", e.args, "|", repr(e.cause), "|", type(e.__cause__).__name__, e.__suppress_context__)
    print("".join(traceback.format_exception_only(type(e), e)), end="")
e = errors[0]
lines = traceback.format_exception(type(e), e, e.__traceback__)
print(len(lines) > 3, lines[-1], end="")
print(repr(TaskError(1, None)), str(TaskError(2, None)))
