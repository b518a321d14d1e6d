# Modelled on struct.pack_into examples that fill a preallocated bytearray.
import struct
buf = bytearray(8)
struct.pack_into(">HH", buf, 2, 1, 2)
print(buf)
struct.pack_into("<i", buf, -4, -1)
print(buf)
s = struct.Struct(">H")
s.pack_into(buf, 0, 0xABCD)
print(buf)
for args in [(buf, 7, 1, 2), (buf, -10, 1, 2), (b"xxxxxxxx", 0, 1, 2), (buf, 0, 1)]:
    try:
        struct.pack_into(">HH", *args)
    except Exception as e:
        print(type(e).__name__, e)
