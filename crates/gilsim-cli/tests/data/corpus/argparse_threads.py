# Modelled on command-line scripts that choose the number of threads with argparse
import argparse
import threading

parser = argparse.ArgumentParser(description='Count primes with threads')
parser.add_argument('--threads', type=int, default=4, help='worker threads')
parser.add_argument('--limit', type=int, default=2000)
parser.add_argument('-v', '--verbose', action='store_true')
args = parser.parse_args()

def is_prime(n):
    if n < 2:
        return False
    i = 2
    while i * i <= n:
        if n % i == 0:
            return False
        i += 1
    return True

counts = [0] * args.threads
def work(k):
    counts[k] = sum(1 for n in range(k, args.limit, args.threads) if is_prime(n))

ts = [threading.Thread(target=work, args=(k,)) for k in range(args.threads)]
for t in ts: t.start()
for t in ts: t.join()
print(args.threads, args.limit, args.verbose, sum(counts), counts)
print(args)
