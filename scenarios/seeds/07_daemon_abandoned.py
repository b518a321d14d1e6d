# Seed case 07: the same worker made a daemon (with the deprecated setDaemon, which warns on
# 3.10+). The interpreter does not wait for daemon threads: "worker ends" never appears.
# gilsim: expect=ok
import time
import threading


def worker():
    print("worker begins")
    time.sleep(2)
    print("worker ends")


print("main begins")
t = threading.Thread(target=worker, args=())
t.setDaemon(True)
t.start()
time.sleep(1)
print("main ends")
