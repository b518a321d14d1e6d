# Modelled on sliding-window rate limiter snippets (deque of timestamps, monotonic clock).
import collections
import threading
import time


class RateLimiter:
    def __init__(self, max_calls, period):
        self.calls = collections.deque()
        self.max_calls = max_calls
        self.period = period
        self.lock = threading.Lock()

    def allow(self):
        with self.lock:
            now = time.monotonic()
            while self.calls and now - self.calls[0] >= self.period:
                self.calls.popleft()
            if len(self.calls) < self.max_calls:
                self.calls.append(now)
                return True
            return False


limiter = RateLimiter(3, 1.0)
log = []


def client(name, delay):
    time.sleep(delay)
    log.append((delay, name, limiter.allow()))


threads = [threading.Thread(target=client, args=("c%d" % i, i * 0.3)) for i in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for delay, name, allowed in sorted(log):
    print("%s at %.1fs: %s" % (name, delay, "allowed" if allowed else "rejected"))
