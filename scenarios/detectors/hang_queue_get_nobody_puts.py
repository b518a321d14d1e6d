# gilsim: expect=hang
# Hang: the consumer expects three jobs, the producer only ever sends two. The third get()
# waits for a put nobody will make.
import queue
import threading

jobs = queue.Queue()


def producer():
    for n in range(2):
        jobs.put(n)
    print("producer: sent 2 jobs")


def consumer():
    for _ in range(3):
        job = jobs.get()
        print("consumer: got job", job)


threading.Thread(target=producer, name="producer").start()
threading.Thread(target=consumer, name="consumer").start()
