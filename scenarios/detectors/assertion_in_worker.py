# gilsim: expect=assertion
# A failed assertion in a worker thread: the stock check runs after an unprotected sale
# that can oversell. The finding names the thread and the call chain that reached the
# assert.
import threading
import time

stock = {"tickets": 1}


def check_stock():
    assert stock["tickets"] >= 0, "sold more tickets than we had"


def sell():
    if stock["tickets"] > 0:
        time.sleep(0.01)  # payment; the other seller checks meanwhile
        stock["tickets"] -= 1
    check_stock()


sellers = [threading.Thread(target=sell, name="seller-%d" % n) for n in range(2)]
for s in sellers:
    s.start()
for s in sellers:
    s.join()
print("tickets left:", stock["tickets"])
