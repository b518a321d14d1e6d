# F22 join(timeout) returns None with the thread still alive; F24 active_count/enumerate.
# gilsim: expect=ok
import threading
import time

t = threading.Thread(target=time.sleep, args=(0.5,))
t.start()
print(t.join(0.05), t.is_alive())
print(threading.active_count(), [th.name for th in threading.enumerate()])
t.join()
print(threading.active_count())
