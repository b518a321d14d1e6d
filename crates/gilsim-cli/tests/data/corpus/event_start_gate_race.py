# Modelled on tutorials that hold worker threads at an Event start gate.
import threading
import time

gate = threading.Event()
order = []
lock = threading.Lock()

def runner(name, pause):
    gate.wait()
    time.sleep(pause)
    with lock:
        order.append(name)
    print(f"{name} finished")

names = ["alpha", "beta", "gamma", "delta"]
threads = [threading.Thread(target=runner, args=(n, 0.1 * (len(names) - i))) for i, n in enumerate(names)]
for t in threads:
    t.start()
print("gate open?", gate.is_set())
time.sleep(0.05)
gate.set()
for t in threads:
    t.join()
print("order:", " > ".join(order))
