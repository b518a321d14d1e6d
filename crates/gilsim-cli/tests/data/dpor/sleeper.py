# Sleeps make the schedule depend on virtual time: the search explores without reduction.
import threading
import time

order = []


def nap(name, seconds):
    time.sleep(seconds)
    order.append(name)


nappers = [threading.Thread(target=nap, args=("a", 0.001)), threading.Thread(target=nap, args=("b", 0.001))]
for n in nappers:
    n.start()
for n in nappers:
    n.join()
print(order)
