# Access checks with enum flags shared by worker threads: IntFlag permissions combined
# with | and &, tested with `in`, inverted with ~, and printed (str/repr/format of flags
# changed in 3.11); a Flag of features iterated member by member.
import enum
import threading


class Perm(enum.IntFlag):
    READ = 4
    WRITE = 2
    EXEC = 1


class Feature(enum.Flag):
    CACHE = enum.auto()
    RETRY = enum.auto()
    TRACE = enum.auto()


grants = {
    "alice": Perm.READ | Perm.WRITE,
    "bob": Perm.READ,
    "carol": Perm.READ | Perm.WRITE | Perm.EXEC,
    "dave": Perm(0),
}
requests = [("alice", Perm.WRITE), ("bob", Perm.WRITE), ("carol", Perm.EXEC), ("dave", Perm.READ)]
decisions = []
lock = threading.Lock()


def check(user, wanted):
    granted = grants[user]
    allowed = wanted in granted
    missing = wanted & ~granted
    with lock:
        decisions.append((user, allowed, int(missing)))


threads = [threading.Thread(target=check, args=r) for r in requests]
for t in threads:
    t.start()
for t in threads:
    t.join()
for user, allowed, missing in sorted(decisions):
    print(f"{user:6} allowed={allowed!s:5} missing={missing}")

for user in sorted(grants):
    g = grants[user]
    print(user, repr(g), str(g), f"{g:03b}", bool(g), g == int(g))

print(Perm.READ | 1, repr(Perm.READ | 1), Perm(6) is Perm.READ | Perm.WRITE)
enabled = Feature.CACHE | Feature.TRACE
print(enabled, repr(enabled), Feature.RETRY in enabled, [f.name for f in Feature])
print(~Feature.CACHE, Feature(0), repr(Feature(0)), bool(Feature(0)))
try:
    print(1 in enabled)
except TypeError as e:
    print("TypeError:", e)
