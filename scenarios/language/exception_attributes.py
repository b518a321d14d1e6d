# gilsim: expect=exception
# What an exception keeps where: args (and OSError's errno/strerror/filename, SystemExit's
# code) in the exception itself, the attributes a script sets in its __dict__; __cause__,
# __context__ and __suppress_context__ set by assignment as `raise ... from` sets them (a
# cause suppresses the context), with CPython's TypeErrors; BaseException.__reduce__'s
# parts, which pickling sends.
class Failed(Exception):
    def __init__(self, what, code):
        super().__init__(what)
        self.code = code


e = Failed("disk", 3)
print(vars(e), e.__dict__, e.args, e.code)
o = OSError(2, "No such file", "x.txt")
print(vars(o), o.args, o.errno, o.filename)
s = SystemExit(4)
print(vars(s), s.code)
e.__cause__ = KeyError("inner")
print(e.__suppress_context__, repr(e.__cause__))
for bad in (5, KeyError):
    for name in ("__cause__", "__context__"):
        try:
            setattr(e, name, bad)
        except TypeError as t:
            print("TypeError:", t)
try:
    e.__suppress_context__ = 1
except TypeError as t:
    print("TypeError:", t)
e.__suppress_context__ = False
e.__context__ = OSError("while closing")


def fail():
    raise e


fail()
