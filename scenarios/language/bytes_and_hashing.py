# gilsim: expect=ok
# bytes and hashlib as threaded programs use them: workers hash encoded words and share a
# table under a lock; bytes literals, repr, indexing, slicing, methods, the codecs and
# their errors, int <-> bytes, and the messages each version gives.
import hashlib
import threading

words = ["alpha", "beta", "gamma", "déjà vu", "naïve"]
digests = {}
lock = threading.Lock()


def hash_words(chunk):
    for word in chunk:
        data = word.encode("utf-8")
        h = hashlib.sha256()
        h.update(data)
        h.update(b"|salt")
        with lock:
            digests[word] = (len(data), hashlib.md5(data).hexdigest()[:12], h.hexdigest()[:16])


threads = [threading.Thread(target=hash_words, args=(words[i::2],)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for word in sorted(digests):
    print(word, digests[word])
print(hashlib.sha1(b"abc").hexdigest(), hashlib.sha512(b"").hexdigest()[:20])
print(hashlib.new("sha224", b"x").hexdigest(), hashlib.new("SHA384").digest_size)
m = hashlib.md5(b"a")
c = m.copy()
c.update(b"b")
print(m.hexdigest() == hashlib.md5(b"a").hexdigest(), c.hexdigest() == hashlib.md5(b"ab").hexdigest())
print(m.name, m.digest_size, m.block_size, len(m.digest()), type(m.digest()).__name__)
for bad in ["text", 5]:
    try:
        hashlib.md5(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    hashlib.new("nope")
except ValueError as e:
    print("ValueError:", e)

data = b"GET /index.html\r\n"
print(data, len(data), data[0], data[-2:], data[4:10], list(data[:3]), data.split(b" "))
print(b"it's", b'say "hi"', b"both ' and \"", b"\x00\x7f\x80\xff\t\\", b"")
print(data.decode("ascii").strip(), data.startswith(b"GET"), b"html" in data, 71 in data)
print(b"ab" + b"cd", b"-" * 5, b"x,y".split(b","), b"  s  ".strip(), b"/".join([b"a", b"b"]))
print(b"Mixed".upper(), b"Mixed".lower(), b"aXbXc".replace(b"X", b"--"), b"banana".count(b"an"))
print(b"abc".hex(), bytes.fromhex("00ff 10"), bytes(4), bytes([104, 105]), bytes("é", "utf-8"))
print(sorted([b"b", b"ab", b"a"]), b"a" < b"b", b"x" == "x", {b"k": 1}[b"k"], str(b"q", "ascii"))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\xff", "little", signed=True))
print((1024).to_bytes(2, "big"), (-2).to_bytes(2, "little", signed=True), "%s|%r" % (b"s", b"r"))
print("naïve".encode("latin-1"), "naïve".encode("ascii", "replace"), "naïve".encode("ascii", "ignore"))
print(b"caf\xc3\xa9".decode(), b"caf\xe9".decode("latin-1"), b"a\xffb".decode("utf-8", "replace"))
for text, codec in [("naïve", "ascii"), ("€uro", "latin-1"), ("日本", "ascii")]:
    try:
        text.encode(codec)
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError:", e)
for raw in [b"\xff", b"ab\xc3", b"\xc3(", b"\xe2\x82"]:
    try:
        raw.decode()
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
for attempt in [lambda: b"a" + "b", lambda: bytes("x"), lambda: bytes([256]), lambda: b"abc"[3],
                lambda: "x".encode("nope"), lambda: (256).to_bytes(1, "big")]:
    try:
        attempt()
    except (TypeError, ValueError, IndexError, LookupError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
print(issubclass(UnicodeDecodeError, ValueError), UnicodeEncodeError.__mro__[1].__name__)
