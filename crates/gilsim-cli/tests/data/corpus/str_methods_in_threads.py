# Modelled on text-processing examples that run one str method per thread.
import threading

text = """The quick brown fox
jumps over the lazy dog.
  Indented line\twith tab
"""
out = {}
lock = threading.Lock()


def analyze(name, fn):
    r = fn(text)
    with lock:
        out[name] = r


jobs = {
    "title": lambda s: s.title().splitlines()[0],
    "swap": lambda s: s.swapcase()[:9],
    "words": lambda s: len(s.split()),
    "center": lambda s: "fox".center(9, "*"),
    "ljust": lambda s: "x".ljust(4, ".") + "|",
    "zfill": lambda s: "-42".zfill(6),
    "partition": lambda s: "k=v=w".partition("="),
    "rpartition": lambda s: "k=v=w".rpartition("="),
    "expandtabs": lambda s: "a\tb".expandtabs(4),
    "rsplit": lambda s: "a,b,c".rsplit(",", 1),
    "splitlines": lambda s: "a\r\nb\rc\n".splitlines(True),
    "translate": lambda s: "hello".translate(str.maketrans("el", "ip")),
    "isidentifier": lambda s: ["x1".isidentifier(), "1x".isidentifier()],
    "removeprefix": lambda s: "prefix_name".removeprefix("prefix_"),
    "format_map": lambda s: "{a}-{b}".format_map({"a": 1, "b": 2}),
    "count": lambda s: s.count("o"),
    "index": lambda s: s.index("fox"),
    "strip": lambda s: "  xx  ".strip() + "|" + "xxhixx".strip("x"),
    "isnumeric": lambda s: ["12".isnumeric(), "½".isnumeric(), "1.5".isdecimal()],
}
threads = [threading.Thread(target=analyze, args=item) for item in jobs.items()]
for t in threads:
    t.start()
for t in threads:
    t.join()
for k in jobs:
    print(f"{k:>12}: {out[k]!r}")
