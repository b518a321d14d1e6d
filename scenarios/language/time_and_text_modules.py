# gilsim: expect=ok
# datetime on the virtual clock (elapsed times, timedelta arithmetic and text, dates,
# strftime/strptime, time zones), time.struct_time, io.StringIO with print(file=), timeit,
# pprint, lazy zip/enumerate over endless generators, unary dunders and pow's keywords.
import io
import pprint
import itertools
import threading
import time
import timeit
from datetime import date, datetime, time as clock, timedelta, timezone

start = datetime.now()
stamps = {}


def job(name, delay):
    time.sleep(delay)
    stamps[name] = datetime.now()


workers = [threading.Thread(target=job, args=("w%d" % i, 0.1 * (i + 1))) for i in range(3)]
for w in workers:
    w.start()
for w in workers:
    w.join()
for name in sorted(stamps):
    print(name, round((stamps[name] - start).total_seconds(), 1))
elapsed = datetime.now() - start
print(type(elapsed).__name__, elapsed < timedelta(seconds=1), elapsed >= timedelta(milliseconds=300))

span = timedelta(days=1, hours=2, minutes=3, seconds=4.5, milliseconds=6)
print(span, span.total_seconds(), span.days, span.seconds, span.microseconds)
print(timedelta(seconds=-1), timedelta(hours=1) / 3, timedelta(hours=1) // timedelta(minutes=7))
print(timedelta(hours=1) * 1.5, timedelta(seconds=10) / 4, abs(timedelta(days=-2)), -timedelta(seconds=5))
print(timedelta(microseconds=0.5), timedelta(microseconds=1.5), timedelta(seconds=1 / 3), timedelta.max)
print(sorted([timedelta(3), timedelta(1), timedelta(2)])[0], {timedelta(1): "one"}[timedelta(days=1)])

day = date(2024, 2, 28)
print(day, repr(day), day + timedelta(days=1), day + timedelta(days=2), day.weekday(), day.isoweekday())
print(tuple(day.isocalendar()), day.strftime("%A %d %B %Y"), day.toordinal(), date.fromordinal(738944))
moment = datetime(2024, 3, 10, 14, 5, 9, 120)
print(moment, repr(moment), moment.isoformat(), moment.date(), moment.time(), repr(moment.time()))
print(moment.timestamp(), moment.strftime("%H:%M:%S.%f %j %p"), moment.ctime(), moment.replace(year=2000))
print(repr(datetime(2024, 1, 1)), repr(datetime(2024, 1, 1, 5, 0, 7)), repr(clock(9, 30)))
print(moment - datetime(2024, 1, 1), datetime(2024, 1, 1) - moment, moment + timedelta(days=30))
print(datetime.strptime("2023-07-04 08:30:15", "%Y-%m-%d %H:%M:%S"), datetime.strptime("04/Jul/2023", "%d/%b/%Y"))
for text, fmt in [("2023-13-01", "%Y-%m-%d"), ("2023-12-01x", "%Y-%m-%d")]:
    try:
        datetime.strptime(text, fmt)
    except ValueError as e:
        print("ValueError:", e)
try:
    date(2023, 2, 29)
except ValueError as e:
    print("ValueError:", e)
noon = datetime(2024, 1, 1, 12, tzinfo=timezone.utc)
plus2 = timezone(timedelta(hours=2))
print(noon, repr(noon), noon.isoformat(), noon.timestamp(), timezone(timedelta(hours=-5)))
print(noon.astimezone(plus2), noon == datetime(2024, 1, 1, 14, tzinfo=plus2))
try:
    noon - datetime(2024, 1, 1)
except TypeError as e:
    print("TypeError:", e)
print("{:%Y/%m/%d}".format(moment), datetime.fromtimestamp(0), datetime.fromtimestamp(86400.25, timezone.utc))
print(datetime(2020, 1, 1) == date(2020, 1, 1), isinstance(moment, date), datetime.min, date.max)

gm = time.gmtime(86400 * 45 + 3661)
print(gm)
print(gm.tm_year, gm.tm_yday, gm[2], len(gm), tuple(gm)[:3], time.strftime("%d %b %Y", gm), time.mktime(gm))
print(time.asctime(gm))

buffer = io.StringIO()
print("total", 42, sep="=", file=buffer)
buffer.write("second line\n")
print(repr(buffer.getvalue()), buffer.tell())
reader = io.StringIO("a\nb\n\nlast")
print(repr(reader.readline()), reader.readlines(), repr(reader.read()))
reader.seek(0)
print([line.rstrip("\n") for line in reader])
buffer.close()
try:
    buffer.getvalue()
except ValueError as e:
    print("ValueError:", e)

calls = []
took = timeit.timeit(lambda: calls.append(1), number=50)
print(len(calls), type(took).__name__, took > 0, len(timeit.repeat(lambda: None, repeat=3, number=5)))


def naturals():
    n = 0
    while True:
        yield n
        n += 1


print(list(zip("abc", naturals())), list(zip(range(4), itertools.cycle("xy"))))
pairs = enumerate(naturals(), 10)
print(next(pairs), next(pairs), any(n > 5 for n in naturals()), all(n < 3 for n in naturals()))
print(list(map(lambda a, b: a * b, naturals(), [1, 2, 3])), next(filter(lambda n: n % 7 == 6, naturals())))


class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __neg__(self):
        return Vector(-self.x, -self.y)

    def __pos__(self):
        return self

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __invert__(self):
        return Vector(self.y, self.x)

    def __repr__(self):
        return "Vector(%r, %r)" % (self.x, self.y)


v = Vector(3, 4)
print(-v, +v, abs(v), ~v)
print(pow(2, 10), pow(3, 4, 5))

report = {"workers": [{"id": i, "name": "worker-%d" % i, "done": i % 2 == 0} for i in range(4)],
          "totals": tuple(range(25)), "tags": {3, 1, 2}, "note": "the quick brown fox jumps over the lazy dog " * 3,
          "empty": [], "one": (1,)}
pprint.pprint(report)
pprint.pprint(report, width=50, compact=True)
pprint.pprint(report, depth=1, indent=3)
print(pprint.pformat({"b": 1, "a": [1, 2]}, width=10), pprint.saferepr({"z": 1, "y": [2]}))
