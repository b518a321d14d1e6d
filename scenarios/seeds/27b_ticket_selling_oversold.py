# Seed notes 003, mutual exclusion, the losing schedule: the unlocked ticket office of
# scenario 27 modelled as CPython 3.9 (a switch point between any two instructions) with a
# seeded preemptive scheduler. Buyers are switched out between the check and the decrement,
# so more tickets are sold than exist and the count ends below zero.
# gilsim: expect=lost-update policy=preemptive python=3.9 seed=1
import os
import threading
import time


class Office:
    def __init__(self, stock):
        self.stock = stock

    def buy(self):
        time.sleep(2)
        print("tickets left: %s" % self.stock["tickets"])
        if self.stock["tickets"] > 0:
            self.stock["tickets"] -= 1
            print("%s bought a ticket" % os.getpid())
        else:
            print("%s found none" % os.getpid())


office = Office({"tickets": 3})
buyers = [threading.Thread(target=office.buy) for _ in range(10)]
for b in buyers:
    b.start()
for b in buyers:
    b.join()
print("final count:", office.stock["tickets"])
