# gilsim: expect=ok python=2.7
# A Python 2 program buffering chunks into a bytearray from reader threads: 2.7's str is its
# bytes type, so bytearray("...") needs no encoding, extend() and find() take str, and
# `print buf` prints the bytes themselves.
import threading
import Queue

chunks = Queue.Queue()
buf = bytearray("log:")
lock = threading.Lock()


def reader(name, parts):
    for part in parts:
        chunks.put("%s=%s;" % (name, part))


def collector(expected):
    for _ in xrange(expected):
        piece = chunks.get()
        with lock:
            buf.extend(piece)


readers = [threading.Thread(target=reader, args=(n, ["a", "b"])) for n in ("x", "y")]
sink = threading.Thread(target=collector, args=(4,))
for t in readers + [sink]:
    t.start()
for t in readers + [sink]:
    t.join()

print len(buf), buf[:4], buf.count(";"), buf.find("log")
print sorted(str(buf[4:]).split(";"))
buf[0] = ord("L")
del buf[1:3]
# (The pieces' order is the readers' race: only its start is printed.)
print buf[:2], len(buf), repr(buf[:2]), buf.startswith("L:")
print bytearray(3) == bytearray("\x00\x00\x00"), list(bytearray("AB")), buf.upper()[:2]
