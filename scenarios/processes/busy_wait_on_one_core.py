# gilsim: expect=ok cores=1
# A child spins on a shared flag that its parent sets after a sleep. With one core the two
# processes share it as the OS schedules them: when the parent wakes it takes the core from
# the child, which has run far longer (Linux's wake-up preemption), and sets the flag.
import multiprocessing
import time


def spin(flag):
    spins = 0
    while not flag.value:
        spins += 1
    print("child saw the flag")


if __name__ == "__main__":
    flag = multiprocessing.Value("i", 0)
    p = multiprocessing.Process(target=spin, args=(flag,))
    p.start()
    time.sleep(0.01)
    flag.value = 1
    p.join()
    print("joined, exit code", p.exitcode)
