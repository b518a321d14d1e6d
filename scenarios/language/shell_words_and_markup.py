# gilsim: expect=ok
# A build farm's job runner: each worker thread splits its job's command line as a POSIX
# shell would (shlex.split, with comments and without POSIX rules; a lexer with punctuation
# characters for pipelines), quotes arguments back (shlex.quote, shlex.join from 3.8),
# checksums the command (binascii.crc32, running over chunks) and renders an HTML status line
# (html.escape, html.unescape with HTML 5's character references). Bad input fails as in
# CPython: an unclosed quote, a trailing escape, odd-length hex and bad Base64 padding raise
# binascii.Error, whose class is binascii's.
import base64
import binascii
import html
import html.entities
import shlex
import threading

JOBS = [
    'make -j4 CFLAGS="-O2 -g" install  # release build',
    "cp 'My Documents/report.txt' /tmp/out\\ dir/",
    'grep -E "^(ERROR|WARN)" build.log | sort -u > problems.txt',
    "echo \"it's\" 'say \"hi\"' a\\\"b",
    'python3 -c "print(1 & 2 < 3)" && echo <done>',
]

results = {}
lock = threading.Lock()


def run_job(index, command):
    words = shlex.split(command, comments=True)
    raw = shlex.split(command, posix=False)
    lexer = shlex.shlex(command, posix=True, punctuation_chars=True)
    pipeline = list(lexer)
    crc = 0
    data = command.encode("utf-8")
    for start in range(0, len(data), 7):
        crc = binascii.crc32(data[start:start + 7], crc)
    assert crc == binascii.crc32(data)
    line = "<li class=\"job\">%s &mdash; %s</li>" % (html.escape(command), html.escape(" ".join(words), quote=False))
    with lock:
        results[index] = (words, raw, pipeline, crc, line)


threads = [threading.Thread(target=run_job, args=(i, c), name="runner-%d" % i) for i, c in enumerate(JOBS)]
for t in threads:
    t.start()
for t in threads:
    t.join()

for index in sorted(results):
    words, raw, pipeline, crc, line = results[index]
    print(index, words)
    print("  posix=False:", raw)
    print("  punctuation:", pipeline)
    print("  crc32 %08x" % crc, binascii.hexlify(crc.to_bytes(4, "big")))
    print("  " + line)
    print("  back:", html.unescape(line) == "<li class=\"job\">%s &mdash; %s</li>".replace("&mdash;", "\u2014") % (JOBS[index], " ".join(words)))

print([shlex.quote(arg) for arg in ["", "plain-file_1.txt", "two words", "it's", "$HOME/*", "semi;colon"]])
if hasattr(shlex, "join"):
    print(shlex.join(["ssh", "host", "ls -la /srv"]))
else:
    print("no shlex.join before 3.8")
for bad in ['echo "unterminated', "trailing\\"]:
    try:
        shlex.split(bad)
    except ValueError as error:
        print("ValueError:", error)

lexer = shlex.shlex("name = 'first value' # comment\nsize=10", posix=True)
tokens = []
token = lexer.get_token()
while token is not None:
    tokens.append((token, lexer.lineno))
    token = lexer.get_token()
print(tokens, lexer.error_leader("jobs.cfg"))

print(ascii(html.unescape("&copy; 2024 &lt;b&gt; &amp &ampx &#128512; &#x1F600; &#128; &#0; &#xD800; &notit; &unknown; &nGt;")))
print(len(html.entities.html5), html.entities.name2codepoint["eacute"], html.entities.codepoint2name[0x2014])

print(binascii.hexlify(b"\x00\x7f\xff"), binascii.unhexlify("DEadBEEF"), binascii.b2a_base64(b"gilsim"))
print(binascii.a2b_base64("Z2lsc2lt\n"), binascii.crc32(b"a", -1), binascii.crc_hqx(b"123456789", 0xFFFF))
print(binascii.b2a_uu(b"threads"), binascii.a2b_uu(binascii.b2a_uu(b"threads")))
for call in (lambda: binascii.unhexlify("abc"), lambda: binascii.unhexlify("zz"), lambda: base64.b64decode("abc"),
             lambda: binascii.b2a_uu(bytes(46)), lambda: binascii.hexlify("text")):
    try:
        call()
    except (binascii.Error, TypeError) as error:
        print(type(error), error)
print(binascii.Error.__mro__)
