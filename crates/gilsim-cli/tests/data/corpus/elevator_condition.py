# Modelled on simulation exercises: an elevator thread serving requests signalled through a Condition.
import threading
import time

cond = threading.Condition()
requests = []
served = []
running = True


def elevator():
    floor = 0
    while True:
        with cond:
            while not requests and running:
                cond.wait()
            if not requests and not running:
                return
            target = requests.pop(0)
        time.sleep(0.01 * abs(target - floor))
        floor = target
        served.append(floor)


def passenger(floor, delay):
    time.sleep(delay)
    with cond:
        requests.append(floor)
        cond.notify()


e = threading.Thread(target=elevator)
e.start()
ps = [threading.Thread(target=passenger, args=(f, d)) for f, d in [(5, 0.0), (2, 0.2), (8, 0.4)]]
for p in ps:
    p.start()
for p in ps:
    p.join()
time.sleep(0.3)
with cond:
    running = False
    cond.notify()
e.join()
print(served)
