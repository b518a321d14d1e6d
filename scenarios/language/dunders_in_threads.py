# gilsim: expect=ok
# Dunder methods written in Python run as frames of the thread that uses the object, as in
# CPython: they may block on a lock that another thread holds, sleep, and be preempted.
# A ledger guards its entries with a lock inside every dunder; an auditor thread holds that
# lock for a while before each use, so the main thread waits inside the dunder each time.
import logging
import sys
import threading
import time


class Ledger:
    def __init__(self, *amounts):
        self._lock = threading.RLock()
        self._entries = list(amounts)

    def __len__(self):
        with self._lock:
            return len(self._entries)

    def __getitem__(self, index):
        with self._lock:
            return self._entries[index]

    def __setitem__(self, index, amount):
        with self._lock:
            self._entries[index] = amount

    def __delitem__(self, index):
        with self._lock:
            del self._entries[index]

    def __contains__(self, amount):
        with self._lock:
            return amount in self._entries

    def __iter__(self):
        with self._lock:
            return iter(list(self._entries))

    def __str__(self):
        with self._lock:
            return "Ledger of %d" % len(self._entries)

    def __repr__(self):
        with self._lock:
            return "Ledger(%s)" % ", ".join(str(a) for a in self._entries)

    def __format__(self, spec):
        with self._lock:
            return format(sum(self._entries), spec)

    def __eq__(self, other):
        if not isinstance(other, Ledger):
            return NotImplemented
        with self._lock:
            return self._entries == other._entries

    def __lt__(self, other):
        with self._lock:
            return self.total < other.total

    def __add__(self, other):
        with self._lock:
            return Ledger(*(self._entries + [other]))

    def __radd__(self, other):
        with self._lock:
            return other + sum(self._entries)

    def __iadd__(self, amount):
        with self._lock:
            self._entries.append(amount)
        return self

    @property
    def total(self):
        with self._lock:
            return sum(self._entries)

    @total.setter
    def total(self, value):
        with self._lock:
            self._entries = [value]

    def scaled(self, factor):
        with self._lock:
            return factor * 10


ledger = Ledger(5, 7)
other = Ledger(5, 7)


def audit(seconds):
    with ledger._lock:
        print("  audit holds the ledger")
        time.sleep(seconds)
        print("  audit done")


def contended(label, action):
    auditor = threading.Thread(target=audit, args=(0.05,))
    auditor.start()
    time.sleep(0.01)
    result = action()
    print(label, result)
    auditor.join()


contended("len:", lambda: len(ledger))
contended("item:", lambda: ledger[1])
contended("in:", lambda: 7 in ledger)
contended("not in:", lambda: 9 not in ledger)
contended("str:", lambda: str(ledger))
contended("repr:", lambda: repr(ledger))
contended("f-string:", lambda: f"{ledger} / {ledger:05d} / {ledger!r}")
contended("format:", lambda: format(ledger, "x"))
contended("f-string spec:", lambda: f"[{ledger!s:>14}] [{ledger!r:<14}]")
contended("%:", lambda: "%s / %r / [%-12s]" % (ledger, ledger, ledger))
contended("str.format:", lambda: "{0} / {0!r} / {0:>4}".format(ledger))
contended("total:", lambda: ledger.total)
contended("==:", lambda: ledger == other)
contended("!=:", lambda: ledger != other)
contended("== int:", lambda: ledger == 12)
contended("<:", lambda: ledger < Ledger(100))
contended(">:", lambda: Ledger(100) > ledger)
contended("+:", lambda: repr(ledger + 1))
contended("radd:", lambda: 100 + ledger)
contended("list:", lambda: list(ledger))
contended("map:", lambda: list(map(ledger.scaled, [1, 2])))
contended("join:", lambda: ", ".join(str(x) for x in [ledger, other]))
contended("truth:", lambda: "yes" if ledger else "no")
contended("and:", lambda: ledger and "non-empty")

auditor = threading.Thread(target=audit, args=(0.05,))
auditor.start()
time.sleep(0.01)
print("print:", ledger, other)
auditor.join()

logging.basicConfig(stream=sys.stdout, format="%(threadName)s: %(message)s")
auditor = threading.Thread(target=audit, args=(0.05,))
auditor.start()
time.sleep(0.01)
logging.warning("the ledger is %s", ledger)
auditor.join()

auditor = threading.Thread(target=audit, args=(0.05,))
auditor.start()
time.sleep(0.01)
ledger[0] = 6
ledger += 3
del ledger[1]
print("after stores:", repr(ledger))
ledger.total = 40
print("after setter:", repr(ledger))
auditor.join()

auditor = threading.Thread(target=audit, args=(0.05,))
auditor.start()
time.sleep(0.01)
for amount in ledger:
    print("entry", amount)
for tenfold in map(ledger.scaled, [3]):
    print("mapped", tenfold)
auditor.join()


class Slow:
    # A __str__ that sleeps: the other thread prints while it does.
    def __init__(self, name):
        self.name = name

    def __str__(self):
        time.sleep(0.05)
        return self.name


def chatter():
    time.sleep(0.01)
    print("chatter while __str__ sleeps")


t = threading.Thread(target=chatter)
t.start()
print("slow:", Slow("done"))
t.join()


class Broken:
    def __str__(self):
        return 42


try:
    print(Broken())
except TypeError as e:
    print("TypeError:", e)
try:
    str(Broken())
except TypeError as e:
    print("TypeError:", e)
