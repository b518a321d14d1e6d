# gilsim: expect=deadlock
# Deadlock through join(): each worker waits for the other to finish before finishing
# itself. The wait-for graph has a cycle of join edges.
import threading
import time

workers = {}


def wait_for(other):
    time.sleep(0.01)  # both are running by now
    print(threading.current_thread().name, "joins", other)
    workers[other].join()


workers["left"] = threading.Thread(target=wait_for, args=("right",), name="left")
workers["right"] = threading.Thread(target=wait_for, args=("left",), name="right")
workers["left"].start()
workers["right"].start()
