# datetime: dates, times and durations as CPython's datetime module has them (after
# Lib/_pydatetime.py), on the simulated machine's clock: `now()`, `today()` and
# `utcnow()` read the virtual clock (`time.time()`), whose epoch is 2000-01-01 00:00:00 UTC,
# and the machine's time zone is UTC. Durations are exact: a timedelta is a whole number of
# microseconds, rounded half to even from the exact value of its arguments.
import time as _time
import math as _math
import _gilsim
import _strptime

MINYEAR = 1
MAXYEAR = 9999

_DAYS_IN_MONTH = [-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [-1, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
_MONTHNAMES = [None, "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_DAYNAMES = [None, "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_FULL_MONTHNAMES = [None, "January", "February", "March", "April", "May", "June", "July",
                    "August", "September", "October", "November", "December"]
_FULL_DAYNAMES = [None, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_US_PER_DAY = 86400 * 1000000


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_month(year, month):
    return _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))


def _ymd2ord(year, month, day):
    return _days_before_year(year) + _days_before_month(year, month) + day


_DI400Y = _days_before_year(401)
_DI100Y = _days_before_year(101)
_DI4Y = _days_before_year(5)


def _ord2ymd(n):
    n -= 1
    n400, n = divmod(n, _DI400Y)
    year = n400 * 400 + 1
    n100, n = divmod(n, _DI100Y)
    n4, n = divmod(n, _DI4Y)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leapyear = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    preceding = _DAYS_BEFORE_MONTH[month] + (month > 2 and leapyear)
    if preceding > n:
        month -= 1
        preceding -= _DAYS_IN_MONTH[month] + (month == 2 and leapyear)
    n -= preceding
    return year, month, n + 1


def _index(value, name):
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        raise TypeError("integer argument expected, got float")
    raise TypeError("an integer is required (got type %s)" % type(value).__name__)


def _check_date_fields(year, month, day):
    year = _index(year, "year")
    month = _index(month, "month")
    day = _index(day, "day")
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("year %d is out of range" % year)
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    dim = _days_in_month(year, month)
    if not 1 <= day <= dim:
        raise ValueError("day is out of range for month")
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour = _index(hour, "hour")
    minute = _index(minute, "minute")
    second = _index(second, "second")
    microsecond = _index(microsecond, "microsecond")
    if not 0 <= hour <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= minute <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= second <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= microsecond <= 999999:
        raise ValueError("microsecond must be in 0..999999")
    if fold not in (0, 1):
        raise ValueError("fold must be either 0 or 1")
    return hour, minute, second, microsecond, fold


def _ratio(x):
    # An exact (numerator, denominator) of an int or float.
    if isinstance(x, int):
        return x, 1
    if isinstance(x, float):
        if x != x or x in (float("inf"), float("-inf")):
            raise ValueError("cannot convert float %s to integer" % ("NaN" if x != x else "infinity"))
        return x.as_integer_ratio()
    raise TypeError("unsupported type for timedelta component: %s" % type(x).__name__)


def _round_half_even(n, d):
    # n/d rounded to the nearest integer, ties to even (d > 0).
    q, r = divmod(n, d)
    twice = 2 * r
    if twice > d or (twice == d and q % 2 == 1):
        q += 1
    return q


def _type_name(x):
    return type(x).__name__


class _Ordered:
    # Rich comparisons by `_cmp_key()` with the values `_comparable()` accepts
    # (NotImplemented for others, so Python tries the reflected operation).
    __slots__ = ()

    def __eq__(self, other):
        return self._cmp_key() == other._cmp_key() if self._comparable(other) else NotImplemented

    def __lt__(self, other):
        return self._cmp_key() < other._cmp_key() if self._comparable(other) else NotImplemented

    def __le__(self, other):
        return self._cmp_key() <= other._cmp_key() if self._comparable(other) else NotImplemented

    def __gt__(self, other):
        return self._cmp_key() > other._cmp_key() if self._comparable(other) else NotImplemented

    def __ge__(self, other):
        return self._cmp_key() >= other._cmp_key() if self._comparable(other) else NotImplemented


class timedelta(_Ordered):
    __slots__ = ("_days", "_seconds", "_microseconds", "_hashcode")

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        num, den = 0, 1
        for value, scale in ((days, _US_PER_DAY), (seconds, 1000000), (microseconds, 1),
                             (milliseconds, 1000), (minutes, 60000000), (hours, 3600000000),
                             (weeks, 7 * _US_PER_DAY)):
            n, d = _ratio(value)
            num, den = num * d + n * scale * den, den * d
        return cls._from_microseconds(_round_half_even(num, den))

    def __reduce__(self):
        return (self.__class__, (self._days, self._seconds, self._microseconds))

    @classmethod
    def _from_microseconds(cls, us):
        days, rest = divmod(us, _US_PER_DAY)
        seconds, microseconds = divmod(rest, 1000000)
        if abs(days) > 999999999:
            raise OverflowError("days=%d; must have magnitude <= 999999999" % days)
        self = object.__new__(cls)
        self._days = days
        self._seconds = seconds
        self._microseconds = microseconds
        self._hashcode = -1
        return self

    def _to_microseconds(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def total_seconds(self):
        return self._to_microseconds() / 10 ** 6

    def __repr__(self):
        name = "%s.%s" % (self.__class__.__module__, self.__class__.__qualname__)
        if _gilsim.version < (3, 7):
            if self._microseconds:
                return "%s(%d, %d, %d)" % (name, self._days, self._seconds, self._microseconds)
            if self._seconds:
                return "%s(%d, %d)" % (name, self._days, self._seconds)
            return "%s(%d)" % (name, self._days)
        args = []
        if self._days:
            args.append("days=%d" % self._days)
        if self._seconds:
            args.append("seconds=%d" % self._seconds)
        if self._microseconds:
            args.append("microseconds=%d" % self._microseconds)
        if not args:
            args.append("0")
        return "%s(%s)" % (name, ", ".join(args))

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = "%d:%02d:%02d" % (hh, mm, ss)
        if self._days:
            s = "%d day%s, " % (self._days, "" if abs(self._days) == 1 else "s") + s
        if self._microseconds:
            s = s + ".%06d" % self._microseconds
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() + other._to_microseconds())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() - other._to_microseconds())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return timedelta._from_microseconds(-self._to_microseconds())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_microseconds(self._to_microseconds() * other)
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return timedelta._from_microseconds(_round_half_even(self._to_microseconds() * a, b))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if not isinstance(other, (int, timedelta)):
            return NotImplemented
        us = self._to_microseconds()
        if isinstance(other, timedelta):
            return us // other._to_microseconds()
        return timedelta._from_microseconds(us // other)

    def __truediv__(self, other):
        if not isinstance(other, (int, float, timedelta)):
            return NotImplemented
        us = self._to_microseconds()
        if isinstance(other, timedelta):
            return us / other._to_microseconds()
        if isinstance(other, int):
            return timedelta._from_microseconds(_round_half_even(us, other) if other > 0 else _round_half_even(-us, -other))
        a, b = other.as_integer_ratio()
        if a < 0:
            a, b = -a, -b
        return timedelta._from_microseconds(_round_half_even(b * us, a))

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() % other._to_microseconds())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_microseconds(), other._to_microseconds())
            return q, timedelta._from_microseconds(r)
        return NotImplemented

    def _cmp_key(self):
        return (self._days, self._seconds, self._microseconds)

    def _comparable(self, other):
        return isinstance(other, timedelta)

    def __hash__(self):
        return hash(self._cmp_key())

    def __bool__(self):
        return self._days != 0 or self._seconds != 0 or self._microseconds != 0


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


def _format_offset(off, sep=":"):
    # "+HH:MM[:SS[.ffffff]]" of a utcoffset (CPython's _format_offset).
    if off is None:
        return ""
    sign = "+"
    if off.days < 0:
        sign = "-"
        off = -off
    hh, mm = divmod(off, timedelta(hours=1))
    mm, ss = divmod(mm, timedelta(minutes=1))
    s = "%s%02d%s%02d" % (sign, hh, sep, mm)
    if ss or ss.microseconds:
        s += "%s%02d" % (sep, ss.seconds)
        if ss.microseconds:
            s += ".%06d" % ss.microseconds
    return s


def _wrap_strftime(obj, format, timetuple):
    # %f, %z and %Z are datetime's own; the rest is time.strftime's.
    out = []
    i, n = 0, len(format)
    while i < n:
        ch = format[i]
        i += 1
        if ch == "%" and i == n and _gilsim.version < (3, 7):
            raise ValueError("strftime format ends with raw %")
        if ch == "%" and i < n:
            ch = format[i]
            i += 1
            if ch == "f":
                out.append("%06d" % getattr(obj, "microsecond", 0))
            elif ch == "z":
                off = obj.utcoffset() if hasattr(obj, "utcoffset") else None
                out.append(_format_offset(off, "") if off is not None else "")
            elif ch == "Z":
                name = obj.tzname() if hasattr(obj, "tzname") else None
                out.append((name or "").replace("%", "%%"))
            else:
                out.append("%" + ch)
        else:
            out.append(ch)
    return _time.strftime("".join(out), timetuple)


def _state_bytes(state, kind):
    # A pickled state given as str (a Python 2 pickle's) is its latin-1 bytes.
    if isinstance(state, str):
        try:
            return bytes(state, "latin1")
        except UnicodeEncodeError:
            raise ValueError("Failed to encode latin1 string when unpickling a %s object. "
                             "pickle.load(data, encoding='latin1') is assumed." % kind)
    return state


class date(_Ordered):
    __slots__ = ("_year", "_month", "_day", "_hashcode")

    def __new__(cls, year, month=None, day=None):
        if month is None and isinstance(year, (bytes, str)) and len(year) == 4 and 1 <= ord(year[2:3]) <= 12:
            # Pickle support: the state __reduce__ gives (CPython's byte form).
            self = object.__new__(cls)
            self.__setstate(_state_bytes(year, "date"))
            self._hashcode = -1
            return self
        year, month, day = _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hashcode = -1
        return self

    def _getstate(self):
        yhi, ylo = divmod(self._year, 256)
        return (bytes([yhi, ylo, self._month, self._day]),)

    def __setstate(self, string):
        yhi, ylo, self._month, self._day = string
        self._year = yhi * 256 + ylo

    def __reduce__(self):
        return (self.__class__, self._getstate())

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d, hh, mm, ss, weekday, jday, dst = _time.localtime(t)
        return cls(y, m, d)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            return cls(*_parse_isoformat_date(date_string))
        except Exception:
            raise ValueError("Invalid isoformat string: %r" % date_string)

    def __repr__(self):
        return "%s.%s(%d, %d, %d)" % (self.__class__.__module__, self.__class__.__qualname__,
                                      self._year, self._month, self._day)

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return "%s %s %2d 00:00:00 %04d" % (_DAYNAMES[weekday], _MONTHNAMES[self._month], self._day, self._year)

    def strftime(self, format):
        return _wrap_strftime(self, format, self.timetuple())

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("must be str, not %s" % type(fmt).__name__)
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    def __str__(self):
        return self.isoformat()

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def timetuple(self):
        return _build_struct_time(self._year, self._month, self._day, 0, 0, 0, -1)

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def replace(self, year=None, month=None, day=None):
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        return type(self)(year, month, day)

    def _cmp_key(self):
        return (self._year, self._month, self._day)

    def _comparable(self, other):
        # A date and a datetime do not compare (datetime defines its own comparisons).
        return isinstance(other, date) and not isinstance(other, datetime)

    def __hash__(self):
        return hash(self._cmp_key())

    def __add__(self, other):
        if isinstance(other, timedelta):
            o = self.toordinal() + other.days
            if 0 < o <= _MAXORDINAL:
                return type(self).fromordinal(o)
            raise OverflowError("result out of range")
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        year = self._year
        week1monday = _isoweek1monday(year)
        today = _ymd2ord(self._year, self._month, self._day)
        week, day = divmod(today - week1monday, 7)
        if week < 0:
            year -= 1
            week1monday = _isoweek1monday(year)
            week, day = divmod(today - week1monday, 7)
        elif week >= 52:
            if today >= _isoweek1monday(year + 1):
                year += 1
                week = 0
        if _gilsim.version >= (3, 9):
            return _IsoCalendarDate(year, week + 1, day + 1)
        return (year, week + 1, day + 1)


_MAXORDINAL = 3652059


def _isoweek1monday(year):
    THURSDAY = 3
    firstday = _ymd2ord(year, 1, 1)
    firstweekday = (firstday + 6) % 7
    week1monday = firstday - firstweekday
    if firstweekday > THURSDAY:
        week1monday += 7
    return week1monday


class _IsoCalendarDate(object):
    # (year, week, weekday), a named tuple from 3.9 (subclassing tuple is not simulated).
    def __init__(self, year, week, weekday):
        self._values = (year, week, weekday)

    year = property(lambda self: self._values[0])
    week = property(lambda self: self._values[1])
    weekday = property(lambda self: self._values[2])

    def __getitem__(self, index):
        return self._values[index]

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return 3

    def __eq__(self, other):
        if isinstance(other, _IsoCalendarDate):
            return self._values == other._values
        return self._values == other

    def __hash__(self):
        return hash(self._values)

    def __repr__(self):
        return "datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)" % self._values


def _build_struct_time(y, m, d, hh, mm, ss, dstflag):
    wday = (_ymd2ord(y, m, d) + 6) % 7
    dnum = _days_before_month(y, m) + d
    if _gilsim.version >= (3,):
        # A datetime's time tuple has no zone (tm_zone and tm_gmtoff None: %Z and %z are empty).
        return _time.struct_time((y, m, d, hh, mm, ss, wday, dnum, dstflag, None, None))
    return _time.struct_time((y, m, d, hh, mm, ss, wday, dnum, dstflag))


def _parse_isoformat_date(s):
    if len(s) == 10 and s[4] == "-" and s[7] == "-":
        return int(s[0:4]), int(s[5:7]), int(s[8:10])
    if len(s) == 8 and s.isdigit() and _gilsim.version >= (3, 11):
        return int(s[0:4]), int(s[4:6]), int(s[6:8])
    raise ValueError("Invalid isoformat string")


def _parse_isoformat_time(s):
    # "HH[:MM[:SS[.ffffff]]][+HH:MM]" -> (hour, minute, second, microsecond, tzinfo)
    tz = None
    for sign in "+-":
        pos = s.find(sign)
        if pos > 0:
            tzpart = s[pos + 1:]
            s = s[:pos]
            parts = tzpart.split(":")
            off = timedelta(hours=int(parts[0]), minutes=int(parts[1]) if len(parts) > 1 else 0,
                            seconds=int(parts[2]) if len(parts) > 2 else 0)
            tz = timezone(-off if sign == "-" else off)
            break
    if s.endswith("Z") and _gilsim.version >= (3, 11):
        s = s[:-1]
        tz = timezone.utc
    micro = 0
    if "." in s:
        s, frac = s.split(".")
        if not frac.isdigit() or len(frac) not in (3, 6):
            raise ValueError("Invalid isoformat string")
        micro = int(frac.ljust(6, "0"))
    parts = s.split(":")
    if not 1 <= len(parts) <= 3 or not all(len(p) == 2 and p.isdigit() for p in parts):
        raise ValueError("Invalid isoformat string")
    values = [int(p) for p in parts] + [0] * (3 - len(parts))
    return values[0], values[1], values[2], micro, tz


class tzinfo:
    __slots__ = ()

    def __reduce__(self):
        getinitargs = getattr(self, "__getinitargs__", None)
        args = getinitargs() if getinitargs else ()
        state = getattr(self, "__dict__", None) or None
        # From 3.11 the state (object.__getstate__'s) is there even when it is None.
        if state is None and _gilsim.version < (3, 11):
            return (self.__class__, args)
        return (self.__class__, args, state)

    def tzname(self, dt):
        raise NotImplementedError("tzinfo subclass must override tzname()")

    def utcoffset(self, dt):
        raise NotImplementedError("tzinfo subclass must override utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("tzinfo subclass must override dst()")

    def fromutc(self, dt):
        dtoff = dt.utcoffset()
        dtdst = dt.dst() or timedelta(0)
        delta = dtoff - dtdst
        if delta:
            dt += delta
            dtdst = dt.dst() or timedelta(0)
        return dt + dtdst


_tzinfo_class = tzinfo


class timezone(tzinfo):
    __slots__ = ("_offset", "_name")

    def __new__(cls, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError("offset must be a timedelta")
        if not -timedelta(hours=24) < offset < timedelta(hours=24):
            raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and "
                             "timedelta(hours=24), not %r." % offset)
        utc = getattr(timezone, "utc", None)
        if name is None and not offset and utc is not None:
            # CPython's timezone of offset 0 and no name is its one UTC object.
            return utc
        self = object.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __getinitargs__(self):
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is timezone.utc:
            return "datetime.timezone.utc"
        if self._name is None:
            return "%s.%s(%r)" % (self.__class__.__module__, self.__class__.__qualname__, self._offset)
        return "%s.%s(%r, %r)" % (self.__class__.__module__, self.__class__.__qualname__, self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def utcoffset(self, dt):
        return self._offset

    def tzname(self, dt):
        if self._name is None:
            if not self._offset:
                return "UTC"
            return "UTC" + _format_offset(self._offset)
        return self._name

    def dst(self, dt):
        return None

    def fromutc(self, dt):
        return dt + self._offset


timezone.utc = timezone(timedelta(0))
timezone.min = timezone(-timedelta(hours=23, minutes=59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
if _gilsim.version >= (3, 11):
    UTC = timezone.utc


class time(_Ordered):
    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold", "_hashcode")

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        if isinstance(hour, (bytes, str)) and len(hour) == 6 and ord(hour[0:1]) & 0x7F < 24:
            # Pickle support: the state __reduce_ex__ gives (CPython's byte form).
            self = object.__new__(cls)
            self.__setstate(_state_bytes(hour, "time"), minute or None)
            self._hashcode = -1
            return self
        hour, minute, second, microsecond, fold = _check_time_fields(hour, minute, second, microsecond, fold)
        self = object.__new__(cls)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        self._hashcode = -1
        return self

    def _getstate(self, protocol=3):
        us2, us3 = divmod(self._microsecond, 256)
        us1, us2 = divmod(us2, 256)
        h = self._hour + (128 if self._fold and protocol > 3 else 0)
        basestate = bytes([h, self._minute, self._second, us1, us2, us3])
        return (basestate,) if self._tzinfo is None else (basestate, self._tzinfo)

    def __setstate(self, string, tzinfo):
        if tzinfo is not None and not isinstance(tzinfo, _tzinfo_class):
            raise TypeError("bad tzinfo state arg")
        h, self._minute, self._second, us1, us2, us3 = string
        self._fold, self._hour = (1, h - 128) if h > 127 else (0, h)
        self._microsecond = (((us1 << 8) | us2) << 8) | us3
        self._tzinfo = tzinfo

    def __reduce_ex__(self, protocol):
        return (self.__class__, self._getstate(protocol))

    def __reduce__(self):
        return self.__reduce_ex__(2)

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.utcoffset(None)

    def tzname(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.tzname(None)

    def _cmp_key(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def _comparable(self, other):
        return isinstance(other, time)

    def __hash__(self):
        return hash(self._cmp_key())

    def __repr__(self):
        if self._microsecond != 0:
            s = ", %d, %d" % (self._second, self._microsecond)
        elif self._second != 0:
            s = ", %d" % self._second
        else:
            s = ""
        s = "%s.%s(%d, %d%s)" % (self.__class__.__module__, self.__class__.__qualname__, self._hour, self._minute, s)
        if self._tzinfo is not None:
            s = s[:-1] + ", tzinfo=%r" % self._tzinfo + ")"
        if self._fold:
            s = s[:-1] + ", fold=1)"
        return s

    def isoformat(self, timespec="auto"):
        s = _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        return s + _format_offset(self.utcoffset())

    def __str__(self):
        return self.isoformat()

    def strftime(self, format):
        timetuple = (1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1)
        return _wrap_strftime(self, format, timetuple)

    def __format__(self, fmt):
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *, fold=None):
        if hour is None:
            hour = self._hour
        if minute is None:
            minute = self._minute
        if second is None:
            second = self._second
        if microsecond is None:
            microsecond = self._microsecond
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is None:
            fold = self._fold
        return type(self)(hour, minute, second, microsecond, tzinfo, fold=fold)


def _format_time(hh, mm, ss, us, timespec="auto"):
    specs = {
        "hours": "%02d",
        "minutes": "%02d:%02d",
        "seconds": "%02d:%02d:%02d",
        "milliseconds": "%02d:%02d:%02d.%03d",
        "microseconds": "%02d:%02d:%02d.%06d",
    }
    if timespec == "auto":
        timespec = "microseconds" if us else "seconds"
    elif timespec == "milliseconds":
        us //= 1000
    if timespec not in specs:
        raise ValueError("Unknown timespec value")
    return specs[timespec] % (hh, mm, ss, us)[: specs[timespec].count("%")]


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


class datetime(date):
    __slots__ = time.__slots__

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        if isinstance(year, (bytes, str)) and len(year) == 10 and 1 <= ord(year[2:3]) & 0x7F <= 12:
            # Pickle support: the state __reduce_ex__ gives (CPython's byte form).
            self = object.__new__(cls)
            self.__setstate(_state_bytes(year, "datetime"), month)
            self._hashcode = -1
            return self
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond, fold = _check_time_fields(hour, minute, second, microsecond, fold)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._hashcode = -1
        self._fold = fold
        return self

    def _getstate(self, protocol=3):
        yhi, ylo = divmod(self._year, 256)
        us2, us3 = divmod(self._microsecond, 256)
        us1, us2 = divmod(us2, 256)
        m = self._month + (128 if self._fold and protocol > 3 else 0)
        basestate = bytes([yhi, ylo, m, self._day, self._hour, self._minute, self._second, us1, us2, us3])
        return (basestate,) if self._tzinfo is None else (basestate, self._tzinfo)

    def __setstate(self, string, tzinfo):
        if tzinfo is not None and not isinstance(tzinfo, _tzinfo_class):
            raise TypeError("bad tzinfo state arg")
        (yhi, ylo, m, self._day, self._hour, self._minute, self._second, us1, us2, us3) = string
        self._fold, self._month = (1, m - 128) if m > 127 else (0, m)
        self._year = yhi * 256 + ylo
        self._microsecond = (((us1 << 8) | us2) << 8) | us3
        self._tzinfo = tzinfo

    def __reduce_ex__(self, protocol):
        return (self.__class__, self._getstate(protocol))

    def __reduce__(self):
        return self.__reduce_ex__(2)

    hour = time.hour
    minute = time.minute
    second = time.second
    microsecond = time.microsecond
    tzinfo = time.tzinfo
    fold = time.fold

    @classmethod
    def _fromtimestamp(cls, t, utc, tz):
        frac, t = _math.modf(t)
        us = round(frac * 1e6)
        if us >= 1000000:
            t += 1
            us -= 1000000
        elif us < 0:
            t -= 1
            us += 1000000
        converter = _time.gmtime if utc else _time.localtime
        y, m, d, hh, mm, ss, weekday, jday, dst = converter(t)
        ss = min(ss, 59)
        result = cls(y, m, d, hh, mm, ss, us, tz)
        if tz is not None:
            result = tz.fromutc(result)
        return result

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        if tz is not None and not isinstance(tz, tzinfo):
            raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'" % _type_name(tz))
        return cls._fromtimestamp(t, tz is not None, tz)

    @classmethod
    def utcfromtimestamp(cls, t):
        if _gilsim.version >= (3, 12):
            _gilsim.warn_deprecated("datetime.datetime.utcfromtimestamp() is deprecated and scheduled for removal "
                                    "in a future version. Use timezone-aware objects to represent datetimes in UTC: "
                                    "datetime.datetime.fromtimestamp(timestamp, datetime.UTC).")
        return cls._fromtimestamp(t, True, None)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def utcnow(cls):
        if _gilsim.version >= (3, 12):
            _gilsim.warn_deprecated("datetime.datetime.utcnow() is deprecated and scheduled for removal in a future "
                                    "version. Use timezone-aware objects to represent datetimes in UTC: "
                                    "datetime.datetime.now(datetime.UTC).")
        return cls._fromtimestamp(_time.time(), True, None)

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second, time.microsecond,
                   tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            dstr, sep, tstr = date_string[:10], date_string[10:11], date_string[11:]
            y, m, d = _parse_isoformat_date(dstr)
            if sep:
                hh, mm, ss, us, tz = _parse_isoformat_time(tstr)
            else:
                hh, mm, ss, us, tz = 0, 0, 0, 0, None
            return cls(y, m, d, hh, mm, ss, us, tz)
        except Exception:
            raise ValueError("Invalid isoformat string: %r" % date_string)

    @classmethod
    def strptime(cls, date_string, format):
        year, month, day, hour, minute, second, microsecond, offset = _strptime.parse(date_string, format)
        tz = None if offset is None else timezone(timedelta(seconds=offset))
        return cls(year, month, day, hour, minute, second, microsecond, tz)

    def timetuple(self):
        dst = -1
        if self._tzinfo is not None:
            d = self.dst()
            dst = -1 if d is None else int(bool(d))
        return _build_struct_time(self._year, self._month, self._day, self._hour, self._minute, self._second, dst)

    def utctimetuple(self):
        offset = self.utcoffset()
        if offset:
            self -= offset
        return _build_struct_time(self._year, self._month, self._day, self._hour, self._minute, self._second, 0)

    def timestamp(self):
        if self._tzinfo is None:
            # The machine's time zone is UTC.
            return (self - _EPOCH_NAIVE).total_seconds()
        return (self - _EPOCH).total_seconds()

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo, fold=self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        fields = [year, month, day, hour, minute, second, microsecond]
        current = [self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond]
        values = [c if f is None else f for f, c in zip(fields, current)]
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is None:
            fold = self._fold
        return type(self)(*values, tzinfo, fold=fold)

    def astimezone(self, tz=None):
        if tz is None:
            tz = timezone.utc
        mytz = self._tzinfo
        if mytz is None:
            offset = timedelta(0)
        else:
            offset = self.utcoffset()
        if tz is mytz:
            return self
        utc = (self - offset).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return "%s %s %2d %02d:%02d:%02d %04d" % (_DAYNAMES[weekday], _MONTHNAMES[self._month], self._day,
                                                  self._hour, self._minute, self._second, self._year)

    def isoformat(self, sep="T", timespec="auto"):
        s = "%04d-%02d-%02d%s" % (self._year, self._month, self._day, sep) + _format_time(
            self._hour, self._minute, self._second, self._microsecond, timespec)
        return s + _format_offset(self.utcoffset())

    def __repr__(self):
        L = [self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond]
        if L[-1] == 0:
            del L[-1]
        if L[-1] == 0:
            del L[-1]
        s = "%s.%s(%s)" % (self.__class__.__module__, self.__class__.__qualname__, ", ".join(map(str, L)))
        if self._tzinfo is not None:
            s = s[:-1] + ", tzinfo=%r" % self._tzinfo + ")"
        if self._fold:
            s = s[:-1] + ", fold=1)"
        return s

    def __str__(self):
        return self.isoformat(sep=" ")

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.utcoffset(self)

    def tzname(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.tzname(self)

    def dst(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.dst(self)

    def _us_key(self, other, what):
        # Microseconds since 0001-01-01 of self and other, UTC-adjusted when both are aware.
        a_off, b_off = self.utcoffset(), other.utcoffset()
        if (a_off is None) != (b_off is None):
            raise TypeError("can't %s offset-naive and offset-aware datetimes" % what)
        a, b = self._local_us(), other._local_us()
        if a_off is not None:
            a -= a_off._to_microseconds()
            b -= b_off._to_microseconds()
        return a, b

    def _local_us(self):
        days = self.toordinal()
        seconds = self._hour * 3600 + self._minute * 60 + self._second
        return (days * 86400 + seconds) * 1000000 + self._microsecond

    def _cmp_key(self):
        # Microseconds since 0001-01-01, in UTC when aware.
        offset = self.utcoffset()
        return self._local_us() - (offset._to_microseconds() if offset else 0)

    def _comparable(self, other):
        # The ordering operators of _Ordered: between datetimes both naive or both aware; a
        # datetime and a date do not order.
        if isinstance(other, datetime):
            if (self.utcoffset() is None) != (other.utcoffset() is None):
                raise TypeError("can't compare offset-naive and offset-aware datetimes")
            return True
        if isinstance(other, date):
            raise TypeError("can't compare %s to %s" % (_type_name(self), _type_name(other)))
        return False

    def __eq__(self, other):
        if isinstance(other, datetime):
            if (self.utcoffset() is None) != (other.utcoffset() is None):
                return False
            return self._cmp_key() == other._cmp_key()
        if isinstance(other, date):
            return False
        return NotImplemented

    def __hash__(self):
        return hash(self._cmp_key())

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        us = self._local_us() + other._to_microseconds()
        days, rest = divmod(us, _US_PER_DAY)
        if not 0 < days <= _MAXORDINAL:
            raise OverflowError("date value out of range")
        seconds, microsecond = divmod(rest, 1000000)
        hour, rest = divmod(seconds, 3600)
        minute, second = divmod(rest, 60)
        y, m, d = _ord2ymd(days)
        return type(self).combine(date(y, m, d), time(hour, minute, second, microsecond, tzinfo=self._tzinfo))

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if isinstance(other, datetime):
            a, b = self._us_key(other, "subtract")
            return timedelta._from_microseconds(a - b)
        return NotImplemented


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)
if _gilsim.version < (3, 7):
    del datetime.fromisoformat
    del date.fromisoformat
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_EPOCH_NAIVE = datetime(1970, 1, 1)
