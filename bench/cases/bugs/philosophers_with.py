# Five philosophers, `with left: with right:`, once each, no pause: a deadlock only where
# entering a `with` is a switch point (<= 3.9, --switch-points every).
# Bench: runs to the first failure (bench/find.sh).
import threading

forks = [threading.Lock() for _ in range(5)]
meals = []


def philosopher(seat):
    left = forks[seat]
    right = forks[(seat + 1) % 5]
    with left:
        with right:
            meals.append(seat)


diners = [threading.Thread(target=philosopher, args=(seat,)) for seat in range(5)]
for d in diners:
    d.start()
for d in diners:
    d.join()
print(len(meals))
