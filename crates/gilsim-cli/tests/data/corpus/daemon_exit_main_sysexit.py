# Modelled on daemon-thread tutorials: sys.exit with a message while a daemon loops and a non-daemon finishes; atexit.
import sys
import threading
import time
import atexit

atexit.register(print, "atexit ran")

def forever():
    while True:
        time.sleep(0.05)

def finite():
    time.sleep(0.05)
    print("finite done")

threading.Thread(target=forever, daemon=True).start()
threading.Thread(target=finite).start()
print("main exiting with", threading.active_count(), "threads")
sys.exit("fatal: config missing")
