# gilsim: expect=ok
# A plain Lock may be released by a thread that did not acquire it: here two locks hand a
# message back and forth between a producer and a consumer (the two-lock pipeline of many
# tutorials). The producer blocks on a lock it holds itself until the consumer releases it;
# that is a wait, not a deadlock, while the consumer can still run.
import threading


class Mailbox:
    def __init__(self):
        self.message = None
        self.may_write = threading.Lock()
        self.may_read = threading.Lock()
        self.may_read.acquire()

    def put(self, message):
        self.may_write.acquire()
        self.message = message
        self.may_read.release()

    def take(self):
        self.may_read.acquire()
        message = self.message
        self.may_write.release()
        return message


box = Mailbox()
taken = []


def producer():
    for n in range(5):
        box.put(n)
    box.put(None)


def consumer():
    while True:
        message = box.take()
        if message is None:
            return
        taken.append(message)


threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("taken:", taken)
