# From the crash fuzzer: a power of 172 million digits (minutes of CPU in CPython too).
print(10010 ** 43000000 > 0)
