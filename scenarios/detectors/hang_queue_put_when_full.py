# gilsim: expect=hang
# Hang: a bounded queue of 2 slots, a producer with 5 items, and a consumer that stops after
# 2. The producer fills the queue again and blocks in put() with nobody left to take.
import queue
import threading

slots = queue.Queue(maxsize=2)


def producer():
    for n in range(5):
        slots.put(n)
        print("producer: put", n)


def consumer():
    for _ in range(2):
        print("consumer: took", slots.get())
    print("consumer: done after 2")


threading.Thread(target=producer, name="producer").start()
threading.Thread(target=consumer, name="consumer").start()
