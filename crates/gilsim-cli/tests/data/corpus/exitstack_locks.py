# Modelled on public examples acquiring a dynamic set of locks in order with contextlib.ExitStack.
import contextlib
import threading

locks = {name: threading.Lock() for name in ("a", "b", "c")}
log = []


def transaction(names, tag):
    with contextlib.ExitStack() as stack:
        for name in sorted(names):
            stack.enter_context(locks[name])
        log.append((tag, sorted(names), all(locks[n].locked() for n in names)))


ts = [threading.Thread(target=transaction, args=(names, i)) for i, names in enumerate([("c", "a"), ("b",), ("a", "b", "c")])]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(log), [l.locked() for l in locks.values()])
