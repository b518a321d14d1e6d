# Python 2 workers drain a shared deque of command lines: `if not pending` reads the deque's
# length (an empty deque is false; Python 2 has no __bool__), each command is split with
# shlex (the lexer iterates with next()), and its CRC-32 is Python 2's signed int; binascii
# takes and gives byte strings (str), and its bad hex is a TypeError in 2.7. string.maketrans
# builds a 256-character table for str.translate (which also deletes characters), and a
# lock released while unlocked raises thread.error. base64 takes and gives str too (2.7 names
# its line-wrapping pair encodestring/decodestring, and a bad padding is a TypeError).
# gilsim: expect=ok python=2.7
import binascii
import shlex
import threading
from collections import deque

pending = deque([
    'scp "backup 1.tar" host:/srv',
    "tar -czf 'my files.tgz' docs # nightly",
    'echo \\"quoted\\" done',
])
lock = threading.Lock()
done = []


def worker():
    while True:
        with lock:
            if not pending:
                return
            command = pending.popleft()
        words = shlex.split(command, comments=True)
        with lock:
            done.append((command, words, binascii.crc32(command)))


threads = [threading.Thread(target=worker) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for command, words, crc in sorted(done):
    print command, "->", words, crc
print bool(pending), len(pending), bool(deque([0]))

lexer = shlex.shlex("alpha 'beta gamma' delta")
print lexer.next(), list(lexer)
print binascii.hexlify("\x00\xffab"), repr(binascii.unhexlify("414243")), repr(binascii.b2a_base64("py2"))
print binascii.crc32("hello"), binascii.crc32("hello world"), binascii.crc32("x", 5)
try:
    binascii.unhexlify("abc")
except TypeError as error:
    print "TypeError:", error
try:
    shlex.split('"open')
except ValueError as error:
    print "ValueError:", error

import string
import thread
table = string.maketrans("abc", "xyz")
print "aabbcc-d".translate(table), "a-b-c".translate(table, "-"), "keep".translate(None, "e")
lock = thread.allocate_lock()
try:
    lock.release()
except thread.error, error:
    print "thread.error:", error, thread.error.__mro__

import base64
print base64.b64encode("\xff\x00abc"), repr(base64.b64decode("/wBhYmM=")), base64.urlsafe_b64encode("\xfb\xff")
print repr(base64.encodestring("x" * 60)), repr(base64.decodestring("eHh4\n")), base64.b16encode("\x01\xab")
try:
    base64.b64decode("abc")
except TypeError, error:
    print "TypeError:", error
