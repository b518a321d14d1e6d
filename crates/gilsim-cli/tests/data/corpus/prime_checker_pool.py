# Modelled on the "is_prime with a pool of threads" exercise, results keyed by number.
import math
from concurrent.futures import ThreadPoolExecutor

NUMBERS = [112272535095293, 112582705942171, 115280095190773, 115797848077099, 1099726899285419, 17, 18]


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    limit = int(math.floor(math.sqrt(n)))
    for i in range(3, min(limit, 200000) + 1, 2):
        if n % i == 0:
            return False
    return True


with ThreadPoolExecutor() as executor:
    for number, prime in zip(NUMBERS, executor.map(is_prime, NUMBERS)):
        print("%d is prime: %s" % (number, prime))
