# gilsim: expect=ok python=2.7
# Python 2 workers fingerprint records: hashlib takes plain strings (str is bytes in 2.7),
# update() feeds them in parts, and each worker stamps its line with strftime, whose
# datetime wrapper refuses a format ending in a raw % in 2.7.
import datetime
import hashlib
import threading

records = ["alpha", "beta", "gamma", "delta"]
lines = []
lock = threading.Lock()
stamp = datetime.datetime(2012, 6, 30, 23, 59, 1)


def fingerprint(name):
    h = hashlib.sha1()
    for part in (name, ":", str(len(name))):
        h.update(part)
    line = "%s %s %s %s" % (stamp.strftime("%Y-%m-%d %H:%M %a %-d %U"), name, hashlib.md5(name).hexdigest()[:8], h.hexdigest()[:12])
    with lock:
        lines.append(line)


threads = [threading.Thread(target=fingerprint, args=(r,)) for r in records]
for t in threads:
    t.start()
for t in threads:
    t.join()
for line in sorted(lines):
    print line
print hashlib.sha256("x" * 3).hexdigest()[:16], hashlib.new("md5", "abc").hexdigest()
try:
    stamp.strftime("100%")
except ValueError as e:
    print "ValueError:", e

# 2.7's digest() is a str of the bytes, shown with the `hex` codec, and hashed again as bytes.
raw = hashlib.sha1("record-7").digest()
print len(raw), raw.encode("hex") == hashlib.sha1("record-7").hexdigest(), hashlib.md5(raw).hexdigest()
print "caf\xc3\xa9".encode("hex"), repr("6361".decode("hex")), hashlib.md5("caf\xc3\xa9").hexdigest()
for text in ("abc", "zz"):
    try:
        text.decode("hex")
    except TypeError as e:
        print "TypeError:", e
