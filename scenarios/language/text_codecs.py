# gilsim: expect=ok
# Text to bytes and back with UTF-16 and UTF-32 (byte order marks, both byte orders,
# surrogate pairs), their decoding errors as CPython words them (truncated data, a lone or
# unpaired surrogate, a code point out of range) and the replace/ignore handlers; a thread
# per codec checks the round trip. swapcase leaves what is neither upper nor lower case;
# repr escapes the characters str.isprintable refuses (a no-break space, a zero-width one).
# The backslashreplace and xmlcharrefreplace handlers (the second only encodes: decoding with
# it is a TypeError, which UTF-16 wraps before 3.12); title() and capitalize() with letters
# whose title case is not their upper case (digraphs, ligatures, Greek with a subscript
# iota), words split at characters that are not cased, and a final sigma. A codec's error
# carries (encoding, object, start, end, reason) as its arguments and attributes, and one
# made by hand words its text the same way.
import threading

text = "hé☃\U0001f600 ok"
results = {}


def round_trip(encoding):
    data = text.encode(encoding)
    results[encoding] = (len(data), data[:6], data.decode(encoding) == text)


codecs = ["utf-16", "utf-16-le", "UTF-16BE", "utf-32", "utf_32_le", "utf-32-be", "utf16", "utf-8"]
workers = [threading.Thread(target=round_trip, args=(name,)) for name in codecs]
for w in workers:
    w.start()
for w in workers:
    w.join()
for name in codecs:
    print(name, results[name])
print(b"\xff\xfea\x00".decode("utf-16"), b"\xfe\xff\x00a".decode("utf-16"), b"a\x00".decode("utf-16"))
samples = [
    (b"a\x00b", "utf-16-le"),
    (b"\x00\xd8a\x00", "utf-16-le"),
    (b"\x00\xdc", "utf-16-le"),
    (b"\x00\xd8", "utf-16-le"),
    (b"\x00\x00\x11\x00", "utf-32-le"),
    (b"ab", "utf-32"),
    (b"\x00\xd8\x00\x00", "utf-32-be"),
]
for data, encoding in samples:
    try:
        print(data.decode(encoding))
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
    print(repr(data.decode(encoding, "replace")), repr(data.decode(encoding, "ignore")))
print("ǅungla Σίσυφος ΑΒΓ 123 ß".swapcase())
shown = "nbsp\xa0soft\xadzero\u200bline\u2028 e\xe9 zh\u4e2d face\U0001f600 bom\ufeff"
print(repr(shown), shown.isprintable(), "zh\u4e2d e\xe9 ~".isprintable(), "".isprintable())
for handler in ("backslashreplace", "xmlcharrefreplace"):
    print(handler, "caf\xe9 \u20ac5 \U0001f600".encode("ascii", handler), "\u0100".encode("latin-1", handler))
    for data, encoding in [(b"ok\xff\xc3\xa9\xe2\x82", "utf-8"), (b"\x80a", "ascii"), (b"\x00\xd8", "utf-16-le")]:
        try:
            print(ascii(data.decode(encoding, handler)))
        except TypeError as e:
            print("TypeError:", e)
for word in ["\u01c6emal \u01c9ubav", "stra\xdfe", "\ufb01ne \ufb02ow", "\u1fb3 \u1f80x", "\u4e2da b\u4e2dc", "ΟΔΟΣ ΣΑΣ.", "x1y o'neil"]:
    print(ascii(word.title()), ascii(word.capitalize()), word.title().istitle(), ascii(word.upper().swapcase()))
caught = []
for attempt in (lambda: "caf\xe9 \u20ac".encode("latin-1"), lambda: "\u4e2d\u6587x".encode("ascii"),
                lambda: b"ok\xff\xfe".decode("utf-8"), lambda: b"\x00\xd8".decode("utf-16-le")):
    try:
        attempt()
    except UnicodeError as e:
        caught.append(e)
for e in caught:
    print(type(e).__name__, e.args, e.start, e.end, e.reason, e.encoding, "|", e)
made = UnicodeDecodeError("ascii", b"\x80abc", 0, 1, "ordinal not in range(128)")
print(repr(made), made)
