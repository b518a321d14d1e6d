# Seed case 17: threading.Timer(6, job) runs `job` in its own thread 6 s after start(),
# while the main thread prints a tick every 3 s forever. The run stops at the time limit.
# gilsim: expect=ok max-time=20s
import threading
import time


def job():
    print("timer job running in", threading.current_thread().name)
    time.sleep(4)
    print("timer job done")


if __name__ == "__main__":
    timer = threading.Timer(6, job)
    timer.start()
    tick = 0
    while True:
        print("{0} ***************".format(tick))
        time.sleep(3)
        tick += 1
