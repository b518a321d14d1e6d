# Modelled on the Manager dict/list example from the docs.
from multiprocessing import Process, Manager


def f(d, l, i):
    d[i] = str(i)
    l.append(i * 10)


if __name__ == "__main__":
    with Manager() as manager:
        d = manager.dict()
        l = manager.list()
        ps = [Process(target=f, args=(d, l, i)) for i in range(3)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print(sorted(d.items()), sorted(l))
