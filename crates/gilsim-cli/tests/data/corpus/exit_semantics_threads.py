# Modelled on answers about exiting: sys.exit() in a thread ends only that thread; daemon
# threads are cut off; atexit handlers run after non-daemon threads finish.
import threading, time, sys, os, atexit

def quitter():
    print("thread calling sys.exit")
    sys.exit(3)

t = threading.Thread(target=quitter)
t.start(); t.join()
print("main continues, thread alive:", t.is_alive())

def daemon():
    while True:
        time.sleep(0.01)

threading.Thread(target=daemon, daemon=True).start()
atexit.register(lambda: print("atexit ran"))
def late():
    time.sleep(0.05)
    print("non-daemon finished late")
threading.Thread(target=late).start()
print("main done")
