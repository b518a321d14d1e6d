# Seed case 09: subclass threading.Thread and override run(). Each instance is started and
# joined before the next, so the lines come out in order, 2 s apart.
# gilsim: expect=ok
import threading
import time


class Sleeper(threading.Thread):
    def __init__(self, value):
        super(Sleeper, self).__init__()
        self.value = value

    def run(self):
        time.sleep(2)
        print("this thread got {0}".format(self.value))


for i in range(5):
    t = Sleeper(i)
    t.start()
    t.join()

print("main is done after", round(time.monotonic()), "s")
