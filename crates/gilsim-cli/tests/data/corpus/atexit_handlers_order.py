# Modelled on atexit examples with a background thread still running.
import atexit
import threading
import time

def goodbye(name):
    print("goodbye from", name)

atexit.register(goodbye, "first")
atexit.register(goodbye, "second")

@atexit.register
def last():
    print("registered last, runs first")

def background():
    time.sleep(0.2)
    print("background done")

threading.Thread(target=background).start()
print("main ends")
