# Modelled on public examples that collect custom exceptions raised in worker threads.
import threading


class TaskError(Exception):
    def __init__(self, task_id, reason):
        super().__init__(f"task {task_id} failed: {reason}")
        self.task_id = task_id


class RetryableError(TaskError):
    pass


errors = []
lock = threading.Lock()


def run(task_id):
    try:
        if task_id % 3 == 0:
            raise RetryableError(task_id, "timeout")
        if task_id % 4 == 0:
            raise TaskError(task_id, "bad data")
    except TaskError as e:
        with lock:
            errors.append(e)


ts = [threading.Thread(target=run, args=(i,)) for i in range(1, 10)]
for t in ts:
    t.start()
for t in ts:
    t.join()
for e in sorted(errors, key=lambda e: e.task_id):
    print(type(e).__name__, e.task_id, e, isinstance(e, TaskError), repr(e))
