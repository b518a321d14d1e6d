# Modelled on token-bucket rate limiter examples: a lock-protected bucket refilled from
# time.monotonic(); callers sleep until a token is available.
import threading
import time


class TokenBucket:
    def __init__(self, rate, capacity):
        self.rate = rate
        self.capacity = capacity
        self.tokens = capacity
        self.stamp = time.monotonic()
        self.lock = threading.Lock()

    def take(self):
        while True:
            with self.lock:
                now = time.monotonic()
                self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
                self.stamp = now
                if self.tokens >= 1:
                    self.tokens -= 1
                    return
            time.sleep(0.01)


bucket = TokenBucket(rate=50, capacity=2)
served = []
start = time.monotonic()


def client(n):
    for _ in range(3):
        bucket.take()
        served.append(n)


threads = [threading.Thread(target=client, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.monotonic() - start
print(len(served), sorted(set(served)), 0.1 < elapsed < 1.0)
