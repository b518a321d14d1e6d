# gilsim: expect=ok
# sys.getsizeof as each release reports it on a 64-bit build — ints (zero's size changed in
# 3.11), strings (3.12 dropped a field), lists, tuples and dicts (3.8 and 3.11 changed their
# layouts), sets (a display of constants merges into a table of its own from 3.9),
# functions, classes and instances — and sys.int_info. A teaching script compares a list
# with a generator this way (a generator's own size, which holds its frame from 3.11, is
# approximate).
import sys


class Job:
    pass


def work():
    pass


values = [0, 1, 2**30, 2**64, 1.5, "", "abc", "é", "ab€", "😀", b"", [], [1, 2], (), (1,), {}, {"a": 1},
          {1: 2}, set(), {1, 2, 3, 4, 5}, None, True, False, object(), Job(), Job, work]
print([sys.getsizeof(v) for v in values])
print([sys.getsizeof({i: i for i in range(n)}) for n in (0, 1, 5, 6, 10, 11, 21, 22, 100)])
print([sys.getsizeof({str(i): i for i in range(n)}) for n in (1, 6, 22)])
print([sys.getsizeof(set(range(n))) for n in (0, 4, 5, 100)])
squares_list = [n * n for n in range(1000)]
squares_gen = (n * n for n in range(1000))
print(sys.getsizeof(squares_list) > sys.getsizeof(squares_gen))
print(sys.int_info.bits_per_digit, sys.int_info.sizeof_digit)
