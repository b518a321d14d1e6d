# Generators that hold a lock or a "connection" while suspended: breaking out of
# the consuming loop drops the generator, which closes it (its finally block and
# with-exit run at once), and close() on a generator that refuses to stop raises.
import threading

pool_lock = threading.Lock()
log = []


def rows(table, limit):
    log.append(f"open {table}")
    try:
        with pool_lock:
            for i in range(limit):
                yield f"{table}-{i}"
    finally:
        log.append(f"close {table} (lock held: {pool_lock.locked()})")


def first_matching(table, suffix):
    for row in rows(table, 100):
        if row.endswith(suffix):
            return row
    return None


def worker(table, suffix, out):
    out.append(first_matching(table, suffix))


out = []
threads = [threading.Thread(target=worker, args=(t, s, out)) for t, s in [("users", "3"), ("orders", "7")]]
for t in threads:
    t.start()
    t.join()
print(out)
print(log)
print("lock free afterwards:", not pool_lock.locked())

gen = rows("audit", 5)
print(next(gen), next(gen))
gen.close()
print(log[-1])
print(list(gen))


def stubborn():
    refusals = 0
    while True:
        try:
            yield "still here"
        except GeneratorExit:
            refusals += 1
            if refusals > 1:
                print("asked again, stopping")
                return
            print("asked to stop, refusing")


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
del s
print("dropped the stubborn generator")


def fragile():
    yield 1
    raise StopIteration("done early")


try:
    print(list(fragile()))
except RuntimeError as e:
    print("RuntimeError:", e, "caused by", repr(e.__cause__))
