# gilsim: expect=ok
# Notes case 20: the same clock as a subclass of Process: __init__ calls the base class's
# __init__ first, and run() is what the child process executes.
import multiprocessing
from time import ctime, sleep


class ClockProcess(multiprocessing.Process):
    def __init__(self, interval, times):
        super().__init__()
        self.interval = interval
        self.times = times

    def run(self):
        for _ in range(self.times):
            print("The time is %s (%s)" % (ctime(), self.name))
            sleep(self.interval)


if __name__ == "__main__":
    p = ClockProcess(3, 2)
    p.start()
    for _ in range(4):
        print("sleeping.......")
        sleep(1)
    p.join()
    print(p.name, "exited with", p.exitcode)
