# One process spins on the clock for 0.2 s while another sleeps 10 ms: the sleeper wakes
# at its deadline, not when the busy core's clock passes it.
import multiprocessing
import time


def spin():
    n = 0
    t0 = time.time()
    while time.time() - t0 < 0.2:
        n += 1


def sleeper():
    t0 = time.monotonic()
    time.sleep(0.01)
    print("slept %.3f" % (time.monotonic() - t0), flush=True)


if __name__ == "__main__":
    busy = multiprocessing.Process(target=spin)
    sleepy = multiprocessing.Process(target=sleeper)
    busy.start()
    sleepy.start()
    busy.join()
    sleepy.join()
