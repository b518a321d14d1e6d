# Seed case 01: two tasks run one after the other. The second starts only when the first
# has slept its 4 s, so the whole program takes 6 s of (virtual) time.
# gilsim: expect=ok
import time


def first_task():
    print("task A begins:", time.ctime())
    time.sleep(4)
    print("task A ends:", time.ctime())


def second_task():
    print("task B begins:", time.ctime())
    time.sleep(2)
    print("task B ends:", time.ctime())


def main():
    print("program begins:", time.ctime())
    first_task()
    second_task()
    print("program ends:", time.ctime())


if __name__ == "__main__":
    main()
