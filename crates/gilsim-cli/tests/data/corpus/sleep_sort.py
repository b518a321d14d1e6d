# The classic "sleep sort" toy (Rosetta Code task), with a lock around the output list.
import threading
import time

numbers = [5, 3, 9, 1, 7, 2]
result = []
lock = threading.Lock()


def sleeper(n):
    time.sleep(n / 20)
    with lock:
        result.append(n)


threads = [threading.Thread(target=sleeper, args=(n,)) for n in numbers]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(result)
print("sorted:", result == sorted(numbers))
