# Seed cases 02-03: the same two tasks started with the low-level _thread module, with
# arguments passed as a tuple (note the trailing comma of a one-element tuple). _thread
# threads are not joined at exit, so main keeps itself alive with an endless sleep loop;
# gilsim stops the run at --max-time and reports the threads still running.
# gilsim: expect=ok
import time
import _thread


def first_task(label):
    print("task A begins:", time.ctime(), "with", label)
    time.sleep(4)
    print("task A ends:", time.ctime())


def second_task(label, other):
    print("task B begins:", time.ctime(), "with", label, "and", other)
    time.sleep(2)
    print("task B ends:", time.ctime())


def main():
    print("program begins:", time.ctime())
    _thread.start_new_thread(first_task, ("alpha",))
    _thread.start_new_thread(second_task, ("beta", "gamma"))
    print("both started:", time.ctime())


if __name__ == "__main__":
    main()
    while True:
        time.sleep(10)
