# gilsim: expect=ok
# bytearray, the mutable bytes that socket and protocol code buffers into: workers append
# length-prefixed frames to one shared array under a lock and the main thread parses them
# back; then indexing, slice assignment and deletion, in-place `+=` and `*=`, the methods it
# shares with bytes (answering with a bytearray), comparison with bytes, and each error
# message CPython gives.
import struct
import threading

frames = bytearray()
lock = threading.Lock()


def producer(tag, count):
    global frames
    for i in range(count):
        payload = ("%s-%d" % (tag, i)).encode()
        with lock:
            frames.extend(struct.pack(">H", len(payload)))
            frames += payload


workers = [threading.Thread(target=producer, args=(name, 3)) for name in ("ant", "bee")]
for w in workers:
    w.start()
for w in workers:
    w.join()

parsed = []
offset = 0
while offset < len(frames):
    (size,) = struct.unpack_from(">H", frames, offset)
    parsed.append(frames[offset + 2:offset + 2 + size].decode())
    offset += 2 + size
print(sorted(parsed), len(frames))


def attempt(label, action):
    try:
        print(label, repr(action()))
    except Exception as e:
        print(label, type(e).__name__, e)


buf = bytearray(b"hello world")
alias = buf
buf[0] = 72
buf[6:11] = b"THERE"
del buf[5]
buf += b"!"
print(buf, alias is buf, len(buf), buf[0], buf[-1], buf[1:4], buf[::-2])
buf *= 2
print(buf, buf.count(b"E"), buf.find(b"TH"), buf.index(72, 1), b"ERE" in buf, 33 in buf)
print(buf.split(b"!"), buf.upper(), buf.lower().replace(b"there", b"you"), buf.strip(b"H!"))
print(bytearray(b",").join([b"a", bytearray(b"b")]), b"-".join([bytearray(b"x"), b"y"]))
print(buf.decode("ascii"), str(bytearray(b"caf\xc3\xa9"), "utf-8"), buf.hex()[:8])
print(bytearray(3), bytearray([1, 2, 255]), bytearray("naïve", "utf-8"), bytearray(range(65, 70)))
print(bytearray.fromhex("de ad be ef"), bytearray(b"it's"), bytearray(b'say "hi"'))
print(buf.startswith(b"Hello"), buf.endswith((b"x", b"!")), buf.isalpha(), bytearray(b"42").isdigit())
print(bytearray(b"ab") == b"ab", b"ab" == bytearray(b"ab"), bytearray(b"ab") < b"ac", bytes(bytearray(b"z")))
print(bytearray(b"x") + b"y", b"x" + bytearray(b"y"), 2 * bytearray(b"ab"), type(b"x" + bytearray(b"y")).__name__)
print(sorted([bytearray(b"b"), bytearray(b"a")]), list(bytearray(b"AB")), max(bytearray(b"azb")))
print(isinstance(buf, bytearray), isinstance(buf, bytes), type(buf).__name__, int.from_bytes(bytearray(b"\x01\x00"), "big"))
it = iter(bytearray(b"ab"))
print(type(it).__name__, next(it), list(it))

edits = bytearray(b"abcdef")
edits.append(103)
edits.insert(0, 96)
edits.insert(-100, 95)
edits.extend([104, 105])
edits.extend(b"jk")
edits.remove(99)
print(edits, edits.pop(), edits.pop(0), edits)
edits[1:3] = [1, 2, 3]
edits[::3] = bytes(range(88, 88 + len(edits[::3])))
copy = edits.copy()
edits.reverse()
print(edits, copy, copy is edits)
edits.clear()
print(edits, bool(edits), len(edits))

attempt("append 256:", lambda: buf.append(256))
attempt("append str:", lambda: buf.append("a"))
attempt("pop empty:", lambda: bytearray().pop())
attempt("pop far:", lambda: buf.pop(100))
attempt("remove missing:", lambda: buf.remove(0))
attempt("index far:", lambda: buf[100])
attempt("set far:", lambda: buf.__setitem__(100, 1))
attempt("set 300:", lambda: buf.__setitem__(0, 300))
attempt("slice int:", lambda: buf.__setitem__(slice(0, 1), 5))
attempt("extended slice:", lambda: buf.__setitem__(slice(0, 4, 2), b"xyz"))
attempt("ctor 300:", lambda: bytearray([300]))
attempt("ctor str:", lambda: bytearray("abc"))
attempt("ctor float:", lambda: bytearray(2.5))
attempt("ctor negative:", lambda: bytearray(-1))
attempt("extend int:", lambda: buf.extend(5))
attempt("hash:", lambda: hash(buf))
attempt("dict key:", lambda: {buf: 1})
attempt("concat str:", lambda: buf + "x")
attempt("str index:", lambda: buf["a"])

import copy
from collections.abc import MutableSequence

shared = bytearray(b"abcabc")
print(copy.copy(shared) is shared, copy.deepcopy([shared])[0] == shared, isinstance(shared, MutableSequence),
      isinstance(b"", MutableSequence))
print(shared.rfind(b"bc"), shared.rfind(b"bc", 0, 4), shared.rindex(99), shared.find(b"", 4, 2), shared.count(b"", 10),
      b"abcabc".rfind(b"a"), b"abc".find(b"", 3))
attempt("rindex missing:", lambda: shared.rindex(b"zz"))
