# gilsim: expect=ok
# random.getstate() and setstate(): the (3, 625 words, gauss_next) state of CPython's Mersenne
# Twister, a draw replayed after restoring it (the module's generator and a Random instance's),
# a state handed to another thread's generator, and setstate's errors.
import random
import threading

random.seed(2024)
state = random.getstate()
print(len(state), state[0], len(state[1]), state[1][:3], state[1][-1], state[2])
first = [random.random() for _ in range(3)]
random.gauss(0, 1)
after = random.getstate()
print(after[1][-1], after[2] is not None)
random.setstate(state)
print(first == [random.random() for _ in range(3)])

gen = random.Random(7)
saved = gen.getstate()
draws = [gen.randint(1, 100) for _ in range(5)]
replayed = []


def replay():
    other = random.Random()
    other.setstate(saved)
    replayed.extend(other.randint(1, 100) for _ in range(5))


t = threading.Thread(target=replay)
t.start()
t.join()
print(draws, replayed == draws)

for bad in [(4, (), None), (3, (1, 2), None), (3, 5, None), (3, tuple([0] * 624 + [625]), None), (2, tuple([2**40] * 624 + [624]), 0.5)]:
    try:
        random.setstate(bad)
        print("accepted version", bad[0], random.getstate()[1][0], random.getstate()[2])
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(random.Random.VERSION)
