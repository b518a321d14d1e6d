# gilsim: expect=deadlock python=3.13t runs=2000
# Five philosophers each eat once, taking the left fork and then the right with nested `with`
# blocks. Under CPython 3.11's GIL the only switch points are calls and loop back-edges, so a
# philosopher cannot be switched out between taking its two forks: this program never
# deadlocks there (`gilsim explore --python 3.11 --strategy dfs` explores every schedule).
# Free-threaded, every philosopher runs on its own core, and all five can hold their left fork
# at once.
import threading

forks = [threading.Lock() for _ in range(5)]
meals = []


def philosopher(seat):
    left, right = forks[seat], forks[(seat + 1) % 5]
    with left:
        with right:
            meals.append(seat)


diners = [threading.Thread(target=philosopher, args=(seat,)) for seat in range(5)]
for d in diners:
    d.start()
for d in diners:
    d.join()
print("meals:", sorted(meals))
