# Modelled on PyMOTW "threading_event": threads wait for an Event, one with a timeout.
import threading
import time


blocked_result = []


def wait_for_event(e):
    print("wait_for_event starting")
    event_is_set = e.wait()
    blocked_result.append(event_is_set)


def wait_for_event_timeout(e, t):
    while not e.is_set():
        print("wait_for_event_timeout starting")
        event_is_set = e.wait(t)
        if event_is_set:
            break
        print("event set:", event_is_set)
        print("doing other work")


e = threading.Event()
t1 = threading.Thread(name="block", target=wait_for_event, args=(e,))
t1.start()
time.sleep(0.1)
t2 = threading.Thread(name="nonblock", target=wait_for_event_timeout, args=(e, 2))
t2.start()
time.sleep(3)
print("Waiting before calling Event.set()")
e.set()
t1.join()
t2.join()
print("blocking waiter got:", blocked_result)
print("Event is set")
