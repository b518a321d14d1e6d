# Modelled on the executor.map example of the concurrent.futures documentation (primes).
import concurrent.futures
import math

PRIMES = [112272535095293, 112582705942171, 115280095190773, 1099726899285419]


def is_prime(n):
    if n < 2:
        return False
    if n == 2:
        return True
    if n % 2 == 0:
        return False
    sqrt_n = int(math.floor(math.sqrt(n)))
    for i in range(3, min(sqrt_n, 3000) + 1, 2):
        if n % i == 0:
            return False
    return True


with concurrent.futures.ThreadPoolExecutor() as executor:
    for number, prime in zip(PRIMES, executor.map(is_prime, PRIMES)):
        print("%d is prime: %s" % (number, prime))
