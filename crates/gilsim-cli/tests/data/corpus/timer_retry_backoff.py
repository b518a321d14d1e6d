# Modelled on retry loops with exponential backoff driven by threading.Timer.
import threading
import time

attempts = []
done = threading.Event()
start = time.monotonic()


def flaky_operation(n):
    elapsed = round(time.monotonic() - start, 1)
    attempts.append((n, elapsed))
    if n < 3:
        delay = 0.1 * (2 ** n)
        print("attempt %d failed, retrying in %.1fs" % (n, delay))
        threading.Timer(delay, flaky_operation, args=(n + 1,)).start()
    else:
        print("attempt %d succeeded" % n)
        done.set()


flaky_operation(0)
done.wait(timeout=5)
print("attempts:", [n for n, _ in attempts])
print("total wait about %.1fs" % attempts[-1][1])
