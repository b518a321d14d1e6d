# gilsim: expect=ok
# A payroll service plans pay days with the calendar module: one worker thread per month
# counts the business days (monthcalendar, weekday) and picks the last Friday; the report
# prints a month as `cal` does (Sunday first too), the year's first quarter, and the epoch
# seconds of each pay day (timegm). monthrange's weekday is an IntEnum shown as
# calendar.THURSDAY from 3.12.
import calendar
import threading

YEAR = 2024
plan = {}
lock = threading.Lock()


def plan_month(month):
    weeks = calendar.monthcalendar(YEAR, month)
    business = sum(1 for week in weeks for day in week[:5] if day)
    fridays = [week[calendar.FRIDAY] for week in weeks if week[calendar.FRIDAY]]
    with lock:
        plan[month] = (business, fridays[-1])


workers = [threading.Thread(target=plan_month, args=(m,)) for m in range(1, 13)]
for w in workers:
    w.start()
for w in workers:
    w.join()

for month in sorted(plan):
    business, payday = plan[month]
    stamp = calendar.timegm((YEAR, month, payday, 12, 0, 0))
    print("%-9s %2d business days, paid %s %2d (%d)" % (calendar.month_name[month], business,
                                                       calendar.day_abbr[calendar.weekday(YEAR, month, payday)],
                                                       payday, stamp))

print(calendar.monthrange(YEAR, 2), calendar.isleap(YEAR), calendar.leapdays(2000, 2100))
print(calendar.month(YEAR, 2))
print(calendar.TextCalendar(firstweekday=calendar.SUNDAY).formatmonth(YEAR, 9, w=3))
print(calendar.calendar(YEAR, m=4).split("\n\n")[1])
try:
    calendar.monthrange(YEAR, 13)
except calendar.IllegalMonthError as e:
    print("IllegalMonthError:", e)
