# gilsim: expect=ok
# A Manager's dict and list are reachable from every process through proxies: what the
# workers write, the parent reads after joining them. Each value crosses by pickling, so
# mutating what a proxy returned changes a copy, not the manager's object.
import multiprocessing


def record(n, results, seen):
    results[n] = n * n
    seen.append(multiprocessing.current_process().name)
    copy = results.get(n)
    copy = [copy]
    copy.append("local")


if __name__ == "__main__":
    with multiprocessing.Manager() as manager:
        results = manager.dict()
        seen = manager.list()
        workers = [multiprocessing.Process(target=record, args=(n, results, seen)) for n in range(4)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        print("results:", sorted(results.items()))
        print("workers seen:", sorted(seen))
        print("str of the dict proxy:", {k: results[k] for k in sorted(results.keys())})
        nested = manager.dict({"items": [1]})
        nested["items"].append(2)
        print("appending to a returned copy:", nested["items"])
        inner = nested["items"]
        inner.append(2)
        nested["items"] = inner
        print("storing it back:", nested["items"])
        value = manager.Value("i", 7)
        value.value += 1
        print("value:", value.value, len(results), 3 in results, 9 in results)
        print("manager process:", manager._process.name)
        p = multiprocessing.Process(target=print)
        print("next process:", p.name)
