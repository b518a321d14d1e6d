# gilsim: expect=ok
# Timestamps as log and report code formats them: every strftime directive glibc knows in
# the C locale (the ISO week and year, week numbers, %e/%k/%l padding, %s, %D/%F/%T and the
# other shorthands), glibc's flags (%-d unpadded, %_H space-padded, %^a upper case, E and O
# modifiers), %Z/%z from gmtime (GMT), localtime (UTC) and a datetime's time tuple (none),
# and ISO weeks across year boundaries, computed by worker threads.
import datetime
import threading
import time

DIRECTIVES = "a A b B c C d D e F g G h H I j k l m M n p P r R s S t T u U V w W x X y Y z Z %".split()
moments = [
    datetime.datetime(2024, 3, 5, 14, 30, 15, 123456),
    datetime.datetime(2021, 1, 1, 0, 5, 9),
    datetime.datetime(2023, 12, 31, 23, 59, 59),
    datetime.datetime(2020, 12, 28, 12, 0, 0),
]
for moment in moments:
    print(" ".join("%s=%r" % (d, moment.strftime("%" + d)) for d in DIRECTIVES))

dt = datetime.datetime(2024, 3, 5, 9, 7, 3)
for fmt in ["%-d/%-m/%Y", "%-I:%M %p", "%_d|%_H", "%0e", "%^a %^B", "%-j", "%Ey %Od", "abc%", "%Q"]:
    print(repr(fmt), "->", repr(dt.strftime(fmt)))
print(repr(time.strftime("%Z|%z", time.gmtime(0))), repr(time.strftime("%Z|%z", time.localtime(0))))
print(repr(time.strftime("%Z|%z", dt.timetuple())), dt.timetuple().tm_zone)
print(repr(time.strftime("%Z|%z", (2024, 3, 5, 9, 7, 3, 1, 65, -1))), time.strftime("%-d %^b %k", dt.timetuple()))
aware = dt.replace(tzinfo=datetime.timezone(datetime.timedelta(hours=5, minutes=30), "IST"))
print(aware.strftime("%Y-%m-%dT%H:%M:%S%z %Z"), aware.utctimetuple().tm_hour)

weeks = {}
lock = threading.Lock()


def iso_weeks(year):
    start = datetime.date(year, 12, 25)
    found = []
    for offset in range(14):
        day = start + datetime.timedelta(days=offset)
        found.append(day.strftime("%m-%d:%G-W%V-%u/%U/%W"))
        assert day.strftime("%G %V %u") == "%d %02d %d" % day.isocalendar()[:3]
    with lock:
        weeks[year] = found


workers = [threading.Thread(target=iso_weeks, args=(year,)) for year in range(2014, 2026)]
for w in workers:
    w.start()
for w in workers:
    w.join()
for year in sorted(weeks):
    print(year, " ".join(weeks[year]))
