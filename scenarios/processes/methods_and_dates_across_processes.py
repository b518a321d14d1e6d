# gilsim: expect=ok
# What real Pool programs hand to their workers besides plain functions: a bound method
# (`pool.map(self.work, ...)`), a classmethod and a staticmethod, a builtin type's method;
# datetimes with time zones and paths through a Queue (timezone(timedelta(0)) arrives as
# timezone.utc, as CPython's one UTC object). pickle writes a method as getattr(obj, name).
import datetime
import multiprocessing as mp
import pathlib
import pickle


class Scaler:
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


def shipper(q, when):
    q.put((when + datetime.timedelta(days=1), pathlib.PurePosixPath("/x") / "y", datetime.timezone.utc))


if __name__ == "__main__":
    s = Scaler(3)
    with mp.Pool(2) as pool:
        print(pool.map(s.work, [1, 2, 3]))
        print(pool.map(Scaler.make, [1, 2]))
        print(pool.map(Scaler.twice, [1, 2]))
        print(pool.map(str.upper, ["a", "b"]))
        print(pool.map(datetime.date.fromordinal, [700000, 700001]))
    print(pickle.loads(pickle.dumps(s.work))(5), pickle.loads(pickle.dumps(Scaler.make))(1))
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        print(proto, pickle.dumps(s.work, proto), pickle.dumps(Scaler.make, proto))
    q = mp.Queue()
    p = mp.Process(target=shipper, args=(q, datetime.datetime(2024, 1, 31, 12, tzinfo=datetime.timezone.utc)))
    p.start()
    print(q.get())
    p.join()
