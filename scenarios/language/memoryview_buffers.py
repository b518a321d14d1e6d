# gilsim: expect=ok
# memoryview over bytes and bytearray: threads fill a shared buffer through slices of one view
# (writes reach the bytearray), reads, bytes and lists of views, comparison and hashing,
# the read-only and out-of-range errors, a released view.
import threading
buf = bytearray(16)
view = memoryview(buf)
lock = threading.Lock()
def fill(i):
    with lock:
        view[i * 4:(i + 1) * 4] = bytes([i + 65] * 4)
ts = [threading.Thread(target=fill, args=(i,)) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(buf, bytes(view[2:6]), bytearray(view[:3]), view[0], view[-1], len(view[::2]), view[::2].tobytes())
print(isinstance(view, memoryview), type(view).__name__, view.readonly, memoryview(b"x").readonly, view.obj is buf)
print(view == buf, memoryview(b"ab") == b"ab", memoryview(b"ab") == memoryview(b"ab"), hash(memoryview(b"ab")) == hash(b"ab"))
for bad in [lambda: memoryview("str"), lambda: memoryview(b"x").__setitem__(0, 1), lambda: view.__setitem__(0, 300), lambda: view[99], lambda: hash(view), lambda: view.__setitem__(slice(0, 2), b"abc")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
with memoryview(b"abc") as m:
    print(m.tolist(), m.hex(), m.nbytes, m.shape, m.format, m.itemsize, m.ndim)
try:
    len(m)
except ValueError as e:
    print(e)
print(b"-".join([b"a", bytes(memoryview(b"b"))]), list(memoryview(b"hi")))
