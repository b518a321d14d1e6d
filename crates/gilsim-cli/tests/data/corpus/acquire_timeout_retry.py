# Modelled on deadlock avoidance with acquire(timeout=...) and back-off.
import threading
import time

a = threading.Lock()
b = threading.Lock()
attempts = {"T1": 0, "T2": 0}


def transfer(name, first, second, hold):
    while True:
        with first:
            attempts[name] += 1
            time.sleep(hold)
            if second.acquire(timeout=0.05):
                try:
                    print(name, "got both locks after", attempts[name], "attempt(s)")
                    return
                finally:
                    second.release()
        time.sleep(0.03 if name == "T1" else 0.2)


t1 = threading.Thread(target=transfer, args=("T1", a, b, 0.1))
t2 = threading.Thread(target=transfer, args=("T2", b, a, 0.1))
t1.start()
time.sleep(0.01)
t2.start()
t1.join(); t2.join()
print("locked now:", a.locked(), b.locked())
