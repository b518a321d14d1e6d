# Modelled on the widely shared "how to kill a thread" recipe that installs a trace function
# in the thread and raises SystemExit from it once a flag is set.
import sys
import threading
import time


class KillableThread(threading.Thread):
    def __init__(self, *args, **keywords):
        threading.Thread.__init__(self, *args, **keywords)
        self.killed = False

    def start(self):
        self.__run_backup = self.run
        self.run = self.__run
        threading.Thread.start(self)

    def __run(self):
        sys.settrace(self.globaltrace)
        self.__run_backup()
        self.run = self.__run_backup

    def globaltrace(self, frame, event, arg):
        if event == "call":
            return self.localtrace
        return None

    def localtrace(self, frame, event, arg):
        if self.killed and event == "line":
            raise SystemExit()
        return self.localtrace

    def kill(self):
        self.killed = True


ticks = []


def func():
    while True:
        ticks.append(len(ticks))
        time.sleep(0.01)


t1 = KillableThread(target=func)
t1.start()
time.sleep(0.055)
t1.kill()
t1.join()
if not t1.is_alive():
    print("thread killed after at least two ticks:", len(ticks) >= 2)
print("threads left:", threading.active_count())
