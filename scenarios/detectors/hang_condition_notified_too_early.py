# gilsim: expect=hang
# Hang, lost wakeup on a Condition: the announcer notifies before anyone waits, and a
# notify with no waiter is simply dropped. The listener then waits with no predicate to
# check and no timeout: nothing will ever notify it again.
import threading
import time

news = threading.Condition()


def announcer():
    with news:
        print("announcer: notify_all() with nobody waiting")
        news.notify_all()


def listener():
    time.sleep(0.1)  # arrives late
    with news:
        print("listener: waiting for news")
        news.wait()
    print("never printed")


threading.Thread(target=announcer, name="announcer").start()
threading.Thread(target=listener, name="listener").start()
