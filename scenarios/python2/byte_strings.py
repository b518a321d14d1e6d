# -*- coding: utf-8 -*-
# gilsim: expect=ok python=2.7
# Python 2's str holds bytes: a literal with Chinese text is its UTF-8 bytes (three to a
# character: len, slicing and reprs with \x escapes show them), printing writes the bytes,
# upper() changes ASCII letters alone, decode() makes a unicode (u'\u5f20' reprs) and
# encode() bytes again; printing a unicode past ASCII to a pipe is UnicodeEncodeError.
import threading, json
lock = threading.Lock()
log = []
def worker(name):
    with lock:
        log.append("线程%s完成" % name)
ts = [threading.Thread(target=worker, args=(n,)) for n in ["一", "二"]]
for t in ts:  # one after the other: the log's order is not left to the OS's scheduling
    t.start()
    t.join()
for line in log:
    print line
print log
print len(log[0]), log[0][:3], "名字".upper(), "完成" in log[0]
u = "张三".decode("utf-8")
print len(u), repr(u), u.encode("utf-8")
print "%d 个" % 3, "%s" % "好"
try:
    print u"中"
except UnicodeEncodeError as e:
    print "error:", e
print repr("tab\tx\x00"), repr(u"\u4e2d\u6587 ok"), "end"
