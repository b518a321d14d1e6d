# Patches threading.Thread and counts its patches: a worker's runs share the built-in
# classes, so a patch that survived into the next run would print 2.
import threading

threading.Thread.patches = getattr(threading.Thread, "patches", 0) + 1
worker = threading.Thread(target=lambda: None)
worker.start()
worker.join()
print("patches:", threading.Thread.patches)
