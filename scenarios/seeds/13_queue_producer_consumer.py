# Seed case 13: two Producer threads top a shared queue.Queue up by 100 items whenever it
# holds fewer than 1000, five Consumer threads take 3 items each second once it holds more
# than 100. Every thread loops forever, so the run ends at the time limit; the queue's own
# lock keeps every put/get whole (it is the "thread-safe type" of the notes).
# gilsim: expect=ok max-time=2s
import threading
import time
import queue


class Producer(threading.Thread):
    def run(self):
        made = 0
        while True:
            if shared.qsize() < 1000:
                for i in range(100):
                    made = made + 1
                    item = "product " + str(made)
                    shared.put(item)
                    print(self.name, "made", item)
            time.sleep(0.5)


class Consumer(threading.Thread):
    def run(self):
        while True:
            if shared.qsize() > 100:
                for i in range(3):
                    print(self.name, "consumed", shared.get())
            time.sleep(1)


if __name__ == "__main__":
    shared = queue.Queue()
    for i in range(500):
        shared.put("initial product " + str(i))
    for i in range(2):
        Producer().start()
    for i in range(5):
        Consumer().start()
