# _strptime: the parser behind datetime.strptime and time.strptime (CPython's _strptime.py
# in outline): numeric directives read at most their width of digits, names match the C
# locale's case-insensitively, whitespace in the format matches any run of it.

_MONTHNAMES = [None, "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_DAYNAMES = [None, "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_FULL_MONTHNAMES = [None, "January", "February", "March", "April", "May", "June", "July",
                    "August", "September", "October", "November", "December"]
_FULL_DAYNAMES = [None, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _month_day(year, yday):
    # The month and day of day `yday` (1-based) of `year`.
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    lengths = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    month = 1
    for length in lengths:
        if yday <= length:
            break
        yday -= length
        month += 1
    return month, yday


def parse(data, format):
    # (year, month, day, hour, minute, second, microsecond, UTC offset in seconds or None) of
    # `data` read with `format` (the directives of time.strptime; the C locale's names).
    if not isinstance(data, str):
        raise TypeError("strptime() argument 1 must be str, not %s" % _type_name(data))
    found = {}
    i, j, n = 0, 0, len(data)
    mismatch = ValueError("time data %r does not match format %r" % (data, format))
    while j < len(format):
        ch = format[j]
        j += 1
        if ch != "%":
            if ch.isspace():
                while i < n and data[i].isspace():
                    i += 1
                while j < len(format) and format[j].isspace():
                    j += 1
                continue
            if i < n and data[i] == ch:
                i += 1
                continue
            raise mismatch
        if j >= len(format):
            raise ValueError("stray %% in format '%s'" % format)
        directive = format[j]
        j += 1
        if directive == "%":
            if i < n and data[i] == "%":
                i += 1
                continue
            raise mismatch
        if directive in _NUMERIC:
            width, low, high = _NUMERIC[directive]
            k = i
            if directive == "f" or directive == "Y":
                pass
            while k < n and k - i < width and data[k].isdigit():
                k += 1
            if k == i:
                raise mismatch
            text = data[i:k]
            if directive == "f":
                value = int(text.ljust(6, "0"))
            else:
                value = int(text)
                if not low <= value <= high:
                    raise mismatch
            found[directive] = value
            i = k
        elif directive in "bBaA":
            names = {"b": _MONTHNAMES, "B": _FULL_MONTHNAMES, "a": _DAYNAMES, "A": _FULL_DAYNAMES}[directive]
            for index in range(1, len(names)):
                name = names[index]
                if data[i:i + len(name)].lower() == name.lower():
                    found[directive] = index
                    i += len(name)
                    break
            else:
                raise mismatch
        elif directive == "p":
            word = data[i:i + 2].upper()
            if word not in ("AM", "PM"):
                raise mismatch
            found["p"] = word
            i += 2
        elif directive == "z":
            k = i
            if k < n and data[k] == "Z":
                found["z"] = 0
                i += 1
                continue
            if k >= n or data[k] not in "+-":
                raise mismatch
            digits = data[k + 1:k + 9].replace(":", "")
            hh, mm = int(digits[0:2]), int(digits[2:4])
            size = 5 + (1 if data[k + 3:k + 4] == ":" else 0)
            off = hh * 3600 + mm * 60
            found["z"] = -off if data[k] == "-" else off
            i = k + size
        else:
            raise ValueError("'%s' is a bad directive in format '%s'" % (directive, "%" + directive))
    if i != n:
        raise ValueError("unconverted data remains: %s" % data[i:])
    year = found.get("Y", 1900)
    if "y" in found:
        year = found["y"] + (1900 if found["y"] >= 69 else 2000)
    month = found.get("m", found.get("B", found.get("b", 1)))
    day = found.get("d", 1)
    hour = found.get("H", 0)
    if "I" in found:
        hour = found["I"] % 12 + (12 if found.get("p") == "PM" else 0)
    if "j" in found and "m" not in found and "d" not in found:
        month, day = _month_day(year, found["j"])
    tz = found.get("z")
    return year, month, day, hour, found.get("M", 0), found.get("S", 0), found.get("f", 0), tz


_NUMERIC = {
    "Y": (4, 0, 9999),
    "y": (2, 0, 99),
    "m": (2, 1, 12),
    "d": (2, 1, 31),
    "H": (2, 0, 23),
    "I": (2, 1, 12),
    "M": (2, 0, 59),
    "S": (2, 0, 61),
    "f": (6, 0, 999999),
    "j": (3, 1, 366),
}
