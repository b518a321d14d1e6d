# gilsim: expect=ok
# The convoy effect (Beazley, "Understanding the Python GIL", PyCon 2010): an I/O-bound
# thread that blocks briefly, again and again, beside a CPU-bound thread. Under the new GIL
# (3.2+) every wake-up waits for the CPU-bound thread's switch interval before it runs again:
# ~5 ms per blocking call by default, ~1 ms with --switch-interval 1ms; the old GIL (2.7)
# hands the GIL over within a check interval. `gilsim run --format json` shows the I/O
# thread's `gil_wakeup_wait_mean_s`; docs/gil-lab.md compares it with CPython's.
import threading
import time

done = False


def spin():
    count = 0
    while not done:
        count += 1


def poll():
    global done
    for _ in range(20):
        time.sleep(0.001)
    done = True


cpu = threading.Thread(target=spin, name="cpu")
io = threading.Thread(target=poll, name="io")
cpu.start()
io.start()
io.join()
cpu.join()
print("done")
