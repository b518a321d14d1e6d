# gilsim: expect=ok
# `re` as CPython's: worker threads parse access-log lines with one compiled pattern (named
# groups, MULTILINE, findall/finditer/sub/split), and the results are gathered under a lock.
import re
import threading

LOG = """\
10.0.0.1 GET /index.html 200 512
10.0.0.2 POST /api/login 401 64
10.0.0.1 GET /img/logo.png 200 2048
10.0.0.3 GET /missing 404 0
10.0.0.2 POST /api/login 200 128
"""
LINE = re.compile(r"^(?P<ip>\d+(?:\.\d+){3}) (?P<verb>GET|POST) (?P<path>\S+) (?P<status>\d{3}) (?P<size>\d+)$", re.M)
by_status = {}
lock = threading.Lock()


def tally(chunk):
    for m in LINE.finditer(chunk):
        with lock:
            by_status.setdefault(m.group("status"), []).append((m["ip"], m.group("path")))


lines = LOG.splitlines(keepends=True)
workers = [threading.Thread(target=tally, args=("".join(lines[i::2]),)) for i in range(2)]
for w in workers:
    w.start()
for w in workers:
    w.join()
for status in sorted(by_status):
    print(status, sorted(by_status[status]))

first = LINE.search(LOG)
print(first, first.groupdict(), first.span("path"), first.lastgroup, LINE.groups, sorted(LINE.groupindex))
print(LINE.findall(LOG)[1], len(re.findall(r"^10\.0\.0\.1", LOG, re.MULTILINE)))
print(re.sub(r"(\d+)\.(\d+)\.(\d+)\.(\d+)", r"\4.\3.\2.\1", lines[0].strip()))
print(re.sub(r"\d+$", lambda m: str(int(m.group()) // 2), lines[2].strip()), re.subn(r"/api/\w+", "/api/*", LOG)[1])
print(re.split(r"\s+", lines[1].strip()), re.split(r"(/)", "/a/b"), re.split(r",", "x,y,z", maxsplit=1))
print(re.match(r"(\w+) (\w+)?", "alone ").groups(), re.fullmatch(r"[a-z]+", "abc1"), re.escape("1.5*2"))
print(re.compile(r"hello", re.IGNORECASE), re.search(r"WORLD", "hello world", re.I).span(), bool(re.match("", "x")))
print(re.findall(r"(\w)\1", "aabbcd eef"), re.sub(r"x*", "-", "axb"), re.findall(r"\b\w{4}\b", "this is some text"))
try:
    re.compile(r"(open")
except re.error:
    print("re.error for an unbalanced parenthesis")
