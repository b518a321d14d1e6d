# Modelled on daemon heartbeat threads that die with the main program.
import threading
import time

beats = []


def heartbeat():
    while True:
        beats.append(round(time.monotonic(), 1))
        time.sleep(0.1)


t = threading.Thread(target=heartbeat, daemon=True)
t.start()
time.sleep(0.35)
print("beats so far:", len(beats))
print("daemon:", t.daemon, "alive:", t.is_alive())
