# Modelled on public "count primes in ranges with threads" examples, results via a shared dict.
import threading
import math

results = {}


def is_prime(n):
    if n < 2:
        return False
    for d in range(2, int(math.isqrt(n)) + 1):
        if n % d == 0:
            return False
    return True


def count_range(lo, hi):
    results[(lo, hi)] = sum(1 for n in range(lo, hi) if is_prime(n))


ranges = [(i * 250, (i + 1) * 250) for i in range(4)]
threads = [threading.Thread(target=count_range, args=r) for r in ranges]
for t in threads:
    t.start()
for t in threads:
    t.join()
for r in sorted(results):
    print("%5d-%5d: %d primes" % (r[0], r[1], results[r]))
print("total", sum(results.values()))
print(max(results.items(), key=lambda kv: kv[1]))
