# Modelled on public PriorityQueue worker examples with (priority, description) tuples.
import threading
import queue

jobs = queue.PriorityQueue()


class Job:
    def __init__(self, priority, description):
        self.priority = priority
        self.description = description
        print("New job:", description)

    def __lt__(self, other):
        return self.priority < other.priority


jobs.put(Job(3, "Mid-level job"))
jobs.put(Job(10, "Low-level job"))
jobs.put(Job(1, "Important job"))
done = []


def process_job(q):
    while True:
        try:
            job = q.get(block=False)
        except queue.Empty:
            break
        print("Processing job:", job.description)
        done.append(job.priority)
        q.task_done()


workers = [threading.Thread(target=process_job, args=(jobs,)) for _ in range(2)]
for w in workers:
    w.start()
jobs.join()
for w in workers:
    w.join()
print(done, jobs.empty(), jobs.qsize())
