# gilsim: expect=ok
# Two consumers read one queue; the main process puts one None per consumer after the
# work, and each consumer stops at the None it takes.
import multiprocessing


def consume(q, results):
    count = 0
    while True:
        item = q.get()
        if item is None:
            break
        count += 1
        results.put(item * item)
    results.put(("done", count))


if __name__ == "__main__":
    q = multiprocessing.Queue()
    results = multiprocessing.Queue()
    consumers = [multiprocessing.Process(target=consume, args=(q, results)) for _ in range(2)]
    for c in consumers:
        c.start()
    for i in range(1, 7):
        q.put(i)
    for _ in consumers:
        q.put(None)
    squares = []
    counts = []
    while len(counts) < len(consumers):
        r = results.get()
        if isinstance(r, tuple):
            counts.append(r[1])
        else:
            squares.append(r)
    for c in consumers:
        c.join()
    print("squares:", sorted(squares))
    print("items consumed:", sum(counts))
    print("exit codes:", [c.exitcode for c in consumers])
