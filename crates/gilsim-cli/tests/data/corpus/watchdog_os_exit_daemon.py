# Modelled on watchdog recipes: a daemon thread that ends a stuck program with os._exit after a timeout.
import os, threading, time
def watchdog():
    time.sleep(0.05)
    print("watchdog firing", flush=True)
    os._exit(3)
threading.Thread(target=watchdog, daemon=True).start()
print("working")
time.sleep(1)
print("never")
