# Modelled on multiprocessing questions about collections: OrderedDict, defaultdict, Counter, a bounded deque and Decimal through fork and spawn pools and a Queue.
import multiprocessing as mp
from collections import OrderedDict, defaultdict, Counter, deque
from decimal import Decimal


def echo(x):
    return x


if __name__ == "__main__":
    items = [OrderedDict(a=1, b=2), defaultdict(list, k=[1]), Counter("abca"), deque([1, 2], maxlen=3), Decimal("2.5")]
    for method in ("fork", "spawn"):
        with mp.get_context(method).Pool(1) as pool:
            for got in pool.map(echo, items):
                print(method, type(got).__name__, got)
    q = mp.Queue()
    q.put(deque([3], maxlen=2))
    d = q.get()
    d.append(4); d.append(5)
    print(d)
