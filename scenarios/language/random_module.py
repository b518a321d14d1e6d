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

# random.Random instances: each with a generator of its own; the module's is untouched.
random.seed(99)
mine = random.Random(2024)
print(mine.random(), mine.randint(1, 6), mine.choice(["red", "green", "blue"]), mine.sample(range(50), 4))
print(random.Random(2024).random() == random.Random(2024).random(), random.random())
print(mine.choices("abc", k=6), mine.choices(range(4), weights=[1, 0, 0, 9], k=5))
print(mine.choices("xy", cum_weights=[1, 10], k=4), random.choices([10, 20, 30], k=3))
print(mine.gauss(0, 1), mine.gauss(0, 1), random.gauss(100, 15))
print(mine.normalvariate(5, 2), mine.lognormvariate(0, 0.5), mine.expovariate(2.0))
print(mine.triangular(1, 9, 3), mine.paretovariate(3), mine.weibullvariate(2, 1.5), mine.uniform(-1, 1))
cards = list(range(8))
mine.shuffle(cards)
print(cards, mine.getrandbits(33), mine.randrange(10, 100, 9))
mine.seed(2024)
print(mine.random())
