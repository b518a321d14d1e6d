# Modelled on PriorityQueue worker tutorials (PyMOTW style).
import queue
import threading


class Job:
    def __init__(self, priority, description):
        self.priority = priority
        self.description = description
        print("New job:", description)

    def __lt__(self, other):
        return self.priority < other.priority


q = queue.PriorityQueue()
q.put(Job(3, "Mid-level job"))
q.put(Job(10, "Low-level job"))
q.put(Job(1, "Important job"))


def process_job(q):
    while True:
        next_job = q.get()
        print("Processing job:", next_job.description)
        q.task_done()


worker = threading.Thread(target=process_job, args=(q,), daemon=True)
worker.start()
q.join()
print("all jobs done")
