# Modelled on Real Python's "Producer-Consumer Using Lock" pipeline (two locks hand off one
# message at a time).
import threading


class Pipeline:
    def __init__(self):
        self.message = 0
        self.producer_lock = threading.Lock()
        self.consumer_lock = threading.Lock()
        self.consumer_lock.acquire()

    def get_message(self):
        self.consumer_lock.acquire()
        message = self.message
        self.producer_lock.release()
        return message

    def set_message(self, message):
        self.producer_lock.acquire()
        self.message = message
        self.consumer_lock.release()


SENTINEL = object()
received = []


def producer(pipeline):
    for index in range(10):
        pipeline.set_message(index * 7 % 11)
    pipeline.set_message(SENTINEL)


def consumer(pipeline):
    message = 0
    while message is not SENTINEL:
        message = pipeline.get_message()
        if message is not SENTINEL:
            received.append(message)


pipeline = Pipeline()
p = threading.Thread(target=producer, args=(pipeline,))
c = threading.Thread(target=consumer, args=(pipeline,))
p.start()
c.start()
p.join()
c.join()
print(received)
