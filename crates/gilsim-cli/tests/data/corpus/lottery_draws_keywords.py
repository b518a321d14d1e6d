# Modelled on lottery / raffle simulators from threading tutorials: worker threads draw
# tickets with their own seeded random.Random, tickets are parsed from hex codes, and the
# results are paged. Exercises the keyword forms such programs use: random.sample(k=...,
# counts=...), random.randint(a=, b=), int(text, base=16), str(object=...), list.index with a
# start, range slicing and str.removeprefix/removesuffix.
import random
import threading

lock = threading.Lock()
draws = {}


def draw(name, seed):
    rng = random.Random(seed)
    numbers = sorted(rng.sample(range(1, 50), k=6))
    bonus = rng.randint(a=1, b=10)
    colours = rng.sample(["red", "green", "blue"], counts=[3, 2, 1], k=4)
    with lock:
        draws[name] = (numbers, bonus, colours)


workers = [threading.Thread(target=draw, args=("draw-%d" % i, 100 + i)) for i in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()

for name in sorted(draws):
    numbers, bonus, colours = draws[name]
    print(name.removeprefix("draw-"), numbers, "bonus", bonus, colours)

codes = ["ticket-0x1f.txt", "ticket-0xff.txt", "ticket-0x2a.txt", "ticket-0x1f.txt"]
values = [int(code.removeprefix("ticket-").removesuffix(".txt"), base=16) for code in codes]
print(values, str(object=values[0]), values.index(31, 1))

random.seed(7)
pool = random.sample(range(1000), k=20)
pages = range(len(pool))
for page in (pages[0:8], pages[8:16], pages[16:]):
    print(page, [pool[i] for i in page][:3])
print(range(0, 100, 7)[2:9:3], range(10)[::-1], range(5)[-2:])
