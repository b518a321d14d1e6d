# gilsim: expect=ok
# The notes' ticket seller printing os.getpid(): as threads, every buyer prints the one pid
# of the process and they share one ticket count (guarded by a lock here); as processes,
# every buyer has its own pid and its own copy of the count.
import multiprocessing
import os
import threading
import time


class Office:
    def __init__(self, tickets):
        self.tickets = {"left": tickets}
        self.lock = threading.Lock()

    def buy(self, delay):
        time.sleep(delay)
        with self.lock:
            if self.tickets["left"] > 0:
                self.tickets["left"] -= 1
                print("%s bought a ticket, %s left" % (os.getpid(), self.tickets["left"]))
            else:
                print("%s found none left" % os.getpid())


if __name__ == "__main__":
    office = Office(2)
    buyers = [threading.Thread(target=office.buy, args=(0.1 * i,)) for i in range(3)]
    for b in buyers:
        b.start()
    for b in buyers:
        b.join()
    office = Office(2)
    buyers = [multiprocessing.Process(target=office.buy, args=(0.1 * i,)) for i in range(3)]
    for b in buyers:
        b.start()
    for b in buyers:
        b.join()
    print("the parent's office still has", office.tickets["left"])
