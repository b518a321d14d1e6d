# Modelled on the multiprocessing Manager examples: a managed list, Namespace, Lock and dict shared by processes.
from multiprocessing import Manager, Process

def add(shared, ns, lock, i):
    with lock:
        shared.append(i)
        ns.count += 1

if __name__ == "__main__":
    with Manager() as m:
        shared = m.list()
        ns = m.Namespace()
        ns.count = 0
        lock = m.Lock()
        d = m.dict({"a": 1})
        ps = [Process(target=add, args=(shared, ns, lock, i)) for i in range(5)]
        for p in ps: p.start()
        for p in ps: p.join()
        print(sorted(shared), ns.count, len(shared))
        d["b"] = 2
        print(sorted(d.items()), d.get("z", 0))
