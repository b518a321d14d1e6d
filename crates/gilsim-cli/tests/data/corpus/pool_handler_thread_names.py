# Modelled on multiprocessing.pool internals: the handler threads a Pool and a ThreadPool start, and the default thread names after them.
import threading
from multiprocessing import Pool
from multiprocessing.pool import ThreadPool

if __name__ == "__main__":
    with Pool(2) as p:
        print(p.map(abs, [-1, -2]))
        print(sorted(t.name for t in threading.enumerate()))
        print(threading.Thread().name)
    with ThreadPool(2) as tp:
        print(tp.map(abs, [-3]))
        print(sorted(t.name for t in threading.enumerate()))
    print(threading.Thread().name)
