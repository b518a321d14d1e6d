# time: the names written in Python, loaded on first use — `struct_time` (CPython's struct
# sequence: a 9-tuple with tm_* attributes, tm_zone and tm_gmtoff; the machine's zone is UTC),
# `mktime`, `asctime`, `strptime` and `get_clock_info`. The clock functions are native
# (modules/time.rs).
from time import strftime as _strftime, localtime as _localtime

_FIELDS = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst")


class struct_time(object):
    # A struct sequence: gilsim keeps the nine fields in a tuple it indexes, compares and
    # iterates (subclassing tuple is not simulated), as collections.namedtuple does.
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __init__(self, sequence):
        items = tuple(sequence)
        if not 9 <= len(items) <= 11:
            raise TypeError("time.struct_time() takes an at least 9-sequence (%d-sequence given)" % len(items))
        self._values = items[:9]
        self._extra = items[9:]

    tm_year = property(lambda self: self._values[0])
    tm_mon = property(lambda self: self._values[1])
    tm_mday = property(lambda self: self._values[2])
    tm_hour = property(lambda self: self._values[3])
    tm_min = property(lambda self: self._values[4])
    tm_sec = property(lambda self: self._values[5])
    tm_wday = property(lambda self: self._values[6])
    tm_yday = property(lambda self: self._values[7])
    tm_isdst = property(lambda self: self._values[8])
    tm_zone = property(lambda self: self._extra[0] if self._extra else "UTC")
    tm_gmtoff = property(lambda self: self._extra[1] if len(self._extra) > 1 else 0)

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return 9

    def __getitem__(self, index):
        return self._values[index]

    def __eq__(self, other):
        if isinstance(other, struct_time):
            return self._values == other._values
        return self._values == other

    def __hash__(self):
        return hash(self._values)

    def __repr__(self):
        fields = ", ".join("%s=%r" % (name, value) for name, value in zip(_FIELDS, self._values))
        return "time.struct_time(%s)" % fields


_CLOCKS = {
    "time": ("clock_gettime(CLOCK_REALTIME)", False, True),
    "monotonic": ("clock_gettime(CLOCK_MONOTONIC)", True, False),
    "perf_counter": ("clock_gettime(CLOCK_MONOTONIC)", True, False),
    "process_time": ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", True, False),
}


def get_clock_info(name):
    # What CPython reports on Linux (gilsim's clocks are the run's virtual clock).
    import _gilsim
    import types

    clock = _CLOCKS.get(name)
    if clock is None and name == "thread_time" and _gilsim.version >= (3, 7):
        clock = ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", True, False)
    if clock is None:
        raise ValueError("unknown clock")
    implementation, monotonic, adjustable = clock
    return types.SimpleNamespace(implementation=implementation, monotonic=monotonic, adjustable=adjustable,
                                 resolution=1e-09)


def mktime(t):
    # The machine's zone is UTC: the inverse of gmtime.
    if not isinstance(t, (tuple, struct_time)) or len(t) != 9:
        raise TypeError("Tuple or struct_time argument required")
    year, month, day, hour, minute, second = t[0], t[1], t[2], t[3], t[4], t[5]
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    days = _ordinal(year, month, day)[0] - _EPOCH_ORDINAL
    return float(days * 86400 + hour * 3600 + minute * 60 + second)


_EPOCH_ORDINAL = 719163


def _ordinal(year, month, day):
    # (day number counting 0001-01-01 as 1, day of the year) in the proleptic Gregorian calendar.
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    yday = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)[month - 1] + day + (1 if leap and month > 2 else 0)
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400 + yday, yday


def asctime(t=None):
    if t is None:
        t = _localtime()
    return "%s %s %2d %02d:%02d:%02d %d" % (_strftime("%a", t), _strftime("%b", t), t[2], t[3], t[4], t[5], t[0])


def strptime(string, format="%a %b %d %H:%M:%S %Y"):
    # The parser datetime.strptime uses (the C locale's names), as a struct_time.
    import _strptime
    year, month, day, hour, minute, second, _, _ = _strptime.parse(string, format)
    ordinal, yday = _ordinal(year, month, day)
    return struct_time((year, month, day, hour, minute, second, (ordinal + 6) % 7, yday, -1))
