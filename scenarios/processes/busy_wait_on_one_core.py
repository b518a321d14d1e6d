# gilsim: expect=ok cores=1
# A child spins on a shared flag that its parent sets after a sleep. With one core the two
# processes take turns as the OS time-slices them: when the parent wakes it waits for the
# core, and a switch interval later the spinning child gives the core up.
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
