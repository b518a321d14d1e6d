# Modelled on public Pool examples that map a bound method, a classmethod, a staticmethod and str.upper, and pickle methods.
import multiprocessing as mp

class Processor:
    def __init__(self, factor):
        self.factor = factor
    def work(self, x):
        return x * self.factor
    @classmethod
    def make(cls, x):
        return x + 1
    @staticmethod
    def twice(x):
        return 2 * x

if __name__ == "__main__":
    p = Processor(3)
    with mp.Pool(2) as pool:
        print(pool.map(p.work, [1, 2, 3]))
        print(pool.map(Processor.make, [1, 2]))
        print(pool.map(Processor.twice, [1, 2]))
        print(pool.map(str.upper, ["a", "b"]))
    import pickle
    print(pickle.loads(pickle.dumps(p.work))(5), pickle.loads(pickle.dumps(Processor.make))(1))
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        print(proto, pickle.dumps(p.work, proto), pickle.dumps(Processor.make, proto))
