# Seed notes 003, mutual exclusion: ten buyer threads share one ticket counter without a lock.
# Each sleeps 2 s, reads the count, and buys if one is left; the check and the decrement are
# separate steps. Whether another buyer can run between them depends on the switch points:
# on 3.10+ there is none between the `if` and the `-= 1` (no call, no loop back-edge), so
# exactly 3 tickets are sold under every policy and seed. Modelling 3.9, where any instruction
# boundary is a switch point, `--policy preemptive --python 3.9` oversells: seed 1 sells 9
# tickets and ends at -4 (scenario 27b). All threads share one process id.
# gilsim: expect=possible-race
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
