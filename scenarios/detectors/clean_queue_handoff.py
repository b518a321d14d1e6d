# gilsim: expect=ok policy=preemptive runs=100
# Looks dangerous, is correct: a producer fills in an order object and hands it over
# through a queue; the packer then updates the same object. Nobody shares it at the same
# time: the queue's put -> get orders the producer's writes before the packer's.
import queue
import threading


class Order:
    def __init__(self, number):
        self.number = number
        self.items = 0
        self.status = "new"


orders = queue.Queue()
packed = queue.Queue()


def producer():
    for n in range(5):
        order = Order(n)
        order.items += n + 1
        order.status = "paid"
        orders.put(order)
    orders.put(None)


def packer():
    while True:
        order = orders.get()
        if order is None:
            break
        order.items += 1  # a free gift
        order.status = "packed"
        packed.put(order)


threads = [threading.Thread(target=producer), threading.Thread(target=packer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
total = 0
while not packed.empty():
    order = packed.get()
    total += order.items
print("items packed:", total)
