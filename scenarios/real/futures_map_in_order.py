# gilsim: expect=ok
# Source: the common tutorial pattern "executor.map keeps the input order" (results come back
# in submission order even though later inputs finish first), with the pool's thread names
# and the worker that ran each call.
import concurrent.futures
import threading
import time


def slow_square(n):
    time.sleep(0.01 * (6 - n))
    return n * n


def who(n):
    time.sleep(0.01)
    return threading.current_thread().name


with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
    print(list(pool.map(slow_square, range(6))))
    print(sorted(set(pool.map(who, range(6)))))

with concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="fetch") as pool:
    for name in sorted(set(pool.map(who, range(4)))):
        print(name)

with concurrent.futures.ThreadPoolExecutor() as pool:
    pairs = list(pool.map(pow, [2, 3, 4], [5, 2, 3]))
    print(pairs)
    try:
        for value in pool.map(lambda n: 10 // n, [5, 2, 0, 1]):
            print("got", value)
    except ZeroDivisionError as exc:
        print("map raised", type(exc).__name__, exc)
