# Modelled on string.Template, datetime arithmetic and str.format alignment.
import string
import threading
from datetime import datetime, timedelta

tmpl = string.Template("Hello $name, you owe $$${amount}")
print(tmpl.substitute(name="Ann", amount=10))
print(tmpl.safe_substitute(name="Bob"))
d = datetime(2024, 3, 1, 12, 30)
print(d + timedelta(days=30, hours=2), (d - datetime(2024, 1, 1)).days)
print(d.strftime("%Y/%m/%d %H:%M"), d.isoformat(), d.weekday())
out = []
def fmt(n):
    out.append("{:>6}|{:<6}|{:^6}|{:06.2f}".format(n, n, n, n / 3))
ts = [threading.Thread(target=fmt, args=(n,)) for n in (1, 22, 333)]
for t in ts: t.start(); t.join()
print("\n".join(out))
print(string.ascii_lowercase[:5], string.digits, string.capwords("hello big world"))
