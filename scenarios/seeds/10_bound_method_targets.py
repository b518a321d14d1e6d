# Seed case 10: bound methods as targets — an instance's method and a method of a temporary
# object work alike. The commented mistake, target=obj.method(...), would call the method in
# the main thread at once (see 10b_target_called_by_mistake.py).
# gilsim: expect=ok
import threading
from time import sleep, ctime


class Job:
    def __init__(self, name):
        self.name = name

    def loop(self, tag, seconds):
        print("start", tag, "at", ctime())
        sleep(seconds)
        print("done", tag, "at", ctime())


def main():
    print("starting at", ctime())
    job = Job("loop")
    t1 = threading.Thread(target=job.loop, args=("LOOP1", 4))
    t2 = threading.Thread(target=Job("loop").loop, args=("LOOP2", 2))
    t1.start()
    t2.start()
    t1.join()
    t2.join()
    print("all done at", ctime())


if __name__ == "__main__":
    main()
