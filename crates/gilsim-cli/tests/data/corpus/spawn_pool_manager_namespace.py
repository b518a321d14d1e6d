# Modelled on multiprocessing tutorials that select the "spawn" start method (the default on
# macOS and Windows) and share state through a Manager: a spawned Pool with an initializer,
# map_async, a context's own Pool, and worker processes counting into a managed Namespace
# under a managed Lock.
import multiprocessing as mp


def init_worker(prefix):
    global PREFIX
    PREFIX = prefix


def label(n):
    return "%s-%d" % (PREFIX, n * n)


def count_into(namespace, lock, times):
    for _ in range(times):
        with lock:
            namespace.total += 1
            namespace.visits.append(mp.current_process().name.split("-")[0])


if __name__ == "__main__":
    mp.set_start_method("spawn", force=True)
    with mp.Pool(2, initializer=init_worker, initargs=("sq",)) as pool:
        pending = pool.map_async(label, range(5))
        print(pending.get(timeout=10), pending.successful())
        print(sorted(pool.imap_unordered(len, ["a", "bb", "ccc"])))

    context = mp.get_context("spawn")
    with context.Pool(1, initializer=init_worker, initargs=("ctx",)) as pool:
        print(pool.apply(label, (7,)))

    with mp.Manager() as manager:
        namespace = manager.Namespace(total=0, visits=[])
        lock = manager.Lock()
        workers = [mp.Process(target=count_into, args=(namespace, lock, 2)) for _ in range(3)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        print(namespace.total, [w.exitcode for w in workers])
        del namespace.visits
        try:
            namespace.visits
        except AttributeError as error:
            print("AttributeError:", error)
