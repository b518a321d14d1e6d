# gilsim: expect=ok
# Dates, times and paths copied and pickled as CPython does it: datetime's classes reduce to
# their byte state (a date's 4 bytes, a datetime's 10, a time's 6 with the fold in the hour
# from protocol 4, the tzinfo beside it), a timedelta to its days, seconds and microseconds,
# a timezone to its offset and name; pickle writes the bytes of every protocol as CPython's
# C pickler (protocol 0's escapes per release), and copy.deepcopy goes through the same
# reductions. A PurePath reduces to its parts (3.13: the path it was made from).
import copy, pickle, datetime, pathlib
d = datetime.date(2024, 2, 29)
dt = datetime.datetime(2024, 12, 5, 13, 45, 30, 123456)
t = datetime.time(23, 59, 1, 999, fold=1)
td = datetime.timedelta(days=-3, hours=5, microseconds=7)
tz = datetime.timezone(datetime.timedelta(hours=2), "CEST")
aware = datetime.datetime(2020, 1, 1, tzinfo=tz)
p = pathlib.PurePosixPath("/tmp/a/b.txt")
for obj in [d, dt, t, td, tz, aware, datetime.timezone.utc]:
    c = copy.deepcopy(obj)
    s = copy.copy(obj)
    print(type(c).__name__, c == obj, c, s == obj, obj.__reduce__() if not isinstance(obj, pathlib.PurePath) else obj.__reduce__()[1])
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        data = pickle.dumps(obj, proto)
        back = pickle.loads(data)
        print(" ", proto, back == obj, data)
print(t.__reduce_ex__(4), dt.replace(fold=1).__reduce_ex__(4)[1][0])
print(copy.deepcopy({"when": dt, "where": [p]}))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    back = pickle.loads(pickle.dumps(p, proto))
    print(proto, back == p, type(back).__name__, str(back), copy.deepcopy(p) == p)
print(p.__reduce__()[1])
