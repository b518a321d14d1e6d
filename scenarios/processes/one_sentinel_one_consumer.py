# gilsim: expect=ok
# Notes case 23: a consumer process reads a queue until it takes the sentinel (None) the
# producer puts after its last item; the main process joins both. (Case 24, one sentinel per
# consumer when there are several, is sentinels_stop_consumers.py.)
import multiprocessing
import time


def consume(q):
    time.sleep(0.1)  # starts late: the producer has put everything and exited
    while True:
        item = q.get()
        if item is None:
            print("consumer got the sentinel")
            break
        print("consumed", item)


def produce(q):
    for item in ["bread", "milk", "eggs"]:
        q.put(item)
        print("produced", item)
    q.put(None)


if __name__ == "__main__":
    q = multiprocessing.Queue()
    consumer = multiprocessing.Process(target=consume, args=(q,))
    producer = multiprocessing.Process(target=produce, args=(q,))
    consumer.start()
    producer.start()
    producer.join()
    consumer.join()
    print("both exited:", producer.exitcode, consumer.exitcode)
