# From the crash fuzzer: round() asked for a 282-million-digit number of places.
print(round(1.5, 652 ** 100000536))
