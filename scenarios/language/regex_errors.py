# gilsim: expect=ok
# Bad regular expressions fail as CPython's parser words them: re.error's message, its
# position, line and column (msg, pos, lineno, colno), the class each release names
# (sre_constants.error in 3.6, re.PatternError from 3.13), the OverflowError and ValueError
# of a repeat count and of flags a str pattern cannot take, RuntimeError("invalid SRE code")
# before 3.9; the warnings the parser gives on the way (a possible nested set, global flags
# after the start); and octal escapes and named characters (3.8+) match. Worker threads
# compile the patterns of a table and the main thread prints their verdicts in order.
import re
import sys
import threading

BAD = [
    "(abc", "abc)", "*a", "a**", "x{2}{3}", "[a-", "[]", "[z-a]", r"[\d-z]", r"\q", r"\x4",
    "a{3,2}", "(?P<1>a)", "(?P<n>a)(?P<n>b)", r"(a)\2", "(?P=nope)", "(?<n>a)", "(?z)",
    "(?i", "(?i-i:a)", "a|*", r"\8", r"[\400]", "a(b\n(c", "(?#unterminated",
    "(?P<n>a)(?(m)b)", "(?(0)a)", "a{99999999999}", r"x\N{NO SUCH NAME}", r"\N",
]


def verdict(pattern):
    try:
        re.compile(pattern)
        return "ok"
    except re.error as e:
        return "%s | %s | pos=%s line=%s col=%s" % (type(e).__name__, e, e.pos, e.lineno, e.colno)
    except (OverflowError, ValueError, RuntimeError) as e:
        return "%s: %s" % (type(e).__name__, e)


verdicts = {}


def worker(start):
    for i in range(start, len(BAD), 2):
        verdicts[i] = verdict(BAD[i])


threads = [threading.Thread(target=worker, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for i, pattern in enumerate(BAD):
    print(repr(pattern), "->", verdicts[i])

print(re.error.__module__, re.error.__name__)
for flags in (re.LOCALE, re.ASCII | re.UNICODE):
    try:
        re.compile("a", flags)
    except ValueError as e:
        print("ValueError:", e)
print(verdict("(?(2)a)(b)"))

# Octal escapes: \0, \0NN and three octal digits are characters; \1 is a group. Named
# characters (3.8+).
print(re.findall(r"\123\0\012", "S\0\n"), re.findall(r"[\101-\103]+", "ABCD"), re.sub(r"(a)\1", "x", "aab"))
if sys.version_info >= (3, 8):
    print(re.findall(r"\N{EM DASH}|[\N{black star}]", "a\u2014b\u2605"))

# The parser's warnings, once per line and message.
for _ in range(2):
    re.compile("[[a]")
    re.compile("[a-z--]")
    re.compile("[a&&b]")
try:
    re.compile("a(?i)b")
    print("late flags accepted")
except re.error as e:
    print("late flags:", e)
