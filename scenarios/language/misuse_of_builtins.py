# Malformed calls a user may write by accident must raise the same Python exceptions as
# CPython (never crash gilsim): int() with odd bases and literals, methods called unbound
# without their receiver.
# gilsim: expect=ok
import threading

for args in [("10",), ("0x1f", 16), ("0x1f", 0), ("-0b101", 0), ("1_000",), ("010", 0), ("00", 0), (" 42 ", 0),
             ("z", 36), ("12", 1), ("_1",), ("1__0",), ("0o17", 8), ("0b_1", 0), ("ff", 16), ("_ff", 16),
             ("0x_1f", 16), ("0_7", 0), ("00_0", 0), ("0x", 16), ("-0o_7", 0)]:
    try:
        print(args, int(*args))
    except ValueError as e:
        print(args, "ValueError:", e)


def attempt(label, call):
    try:
        call()
        print(label, "returned")
    except TypeError:
        print(label, "raised TypeError")


attempt("str.strip()", lambda: str.strip())
attempt("object.__init__()", lambda: object.__init__())
attempt("threading.Thread.join()", lambda: threading.Thread.join())
attempt("threading.Thread.start()", lambda: threading.Thread.start())
attempt("list.append()", lambda: list.append())
attempt("dict.get()", lambda: dict.get())
attempt("set.add()", lambda: set.add())
attempt("str.join()", lambda: str.join())
