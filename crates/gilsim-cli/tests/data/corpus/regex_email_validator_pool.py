# Modelled on validating many inputs with a compiled regex in a thread pool.
import re
from concurrent.futures import ThreadPoolExecutor

EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
inputs = ["alice@example.com", "bob@@example.com", "carol.smith+news@mail.co.uk", "dave@localhost", "eve@ex-ample.org"]


def check(addr):
    m = EMAIL.match(addr)
    return addr, bool(m), m.group(1) if m else None


with ThreadPoolExecutor(max_workers=3) as pool:
    for addr, ok, tld in pool.map(check, inputs):
        print("%-30s %-5s %s" % (addr, ok, tld))
domains = sorted({re.sub(r"^.*@", "", a) for a in inputs if EMAIL.match(a)})
print(domains)
