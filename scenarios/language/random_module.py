# gilsim: expect=ok
# `random` is CPython's Mersenne Twister: after a seed, every draw is the one CPython makes
# (ints, big ints, floats and strings as seeds; the integer draws of random.py).
import random

random.seed(507129)
print(random.uniform(3, 13))
random.seed(42)
print(random.random(), random.randint(1, 100), random.randrange(10), random.randrange(0, 100, 7))
print(random.choice("abcdef"), random.randrange(-5, 5), random.randint(-2 ** 70, 2 ** 70))
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 8), random.sample("abcdefghij", 3), random.getrandbits(80))
print(random.sample(range(1000), 30)[:5])
random.seed("hello")
print(random.random())
random.seed(3.5)
print(random.random())
random.seed(2 ** 100 + 12345)
print(random.random(), random.getrandbits(7))
