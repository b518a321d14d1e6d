# gilsim: expect=ok
# Ticket selling with processes instead of threads: each process works on its own copy of
# the ticket count, so every buyer "succeeds" and the parent's count never changes.
import multiprocessing
import time

tickets = {"left": 3}


def buy(name, delay):
    time.sleep(delay)
    if tickets["left"] > 0:
        tickets["left"] -= 1
        print(name, "bought a ticket, sees", tickets["left"], "left")
    else:
        print(name, "found none left")


if __name__ == "__main__":
    buyers = [multiprocessing.Process(target=buy, args=("buyer-%d" % i, 0.1 * i)) for i in range(5)]
    for b in buyers:
        b.start()
    for b in buyers:
        b.join()
    print("the parent still has", tickets["left"], "tickets")
