# gilsim: expect=ok
# A producer process fills a JoinableQueue; a daemon consumer process takes items and marks
# each done; the main process waits on the queue itself (join), not on the consumer, which
# loops forever and dies with the main process. Its "consumed" lines never appear on a
# pipe: a daemon process is terminated at the main process's exit, and what it had not
# flushed from its stdout buffer is lost (run with `--stdout line` to see them).
import multiprocessing
import time


def consume(q):
    while True:
        item = q.get()
        time.sleep(0.01)
        print("consumed", item)
        q.task_done()


def produce(q):
    for i in range(5):
        q.put("item-%d" % i)
        print("produced item-%d" % i)
    q.join()


if __name__ == "__main__":
    q = multiprocessing.JoinableQueue()
    consumer = multiprocessing.Process(target=consume, args=(q,), daemon=True)
    producer = multiprocessing.Process(target=produce, args=(q,))
    consumer.start()
    producer.start()
    producer.join()
    print("every item was consumed")
