# Modelled on socket-buffer code that packs length-prefixed frames into a shared bytearray.
# Worker threads append length-prefixed frames to one shared bytearray; the main thread
# parses them back with struct, checks a digest, and edits the buffer in place.
import hashlib
import io
import struct
import threading

buffer = bytearray()
lock = threading.Lock()


def producer(tag, count):
    for i in range(count):
        payload = f"{tag}-{i}".encode()
        frame = struct.pack(">H", len(payload)) + payload
        with lock:
            buffer.extend(frame)


threads = [threading.Thread(target=producer, args=(name, 3)) for name in ("alpha", "beta")]
for t in threads:
    t.start()
for t in threads:
    t.join()

frames = []
offset = 0
while offset < len(buffer):
    (size,) = struct.unpack_from(">H", buffer, offset)
    frames.append(bytes(buffer[offset + 2:offset + 2 + size]).decode())
    offset += 2 + size
print(sorted(frames))
print(len(buffer), hashlib.sha256(buffer).hexdigest()[:16] == hashlib.sha256(bytes(buffer)).hexdigest()[:16])

stream = io.BytesIO()
stream.write(buffer[:7])
print(stream.getvalue())
header = bytearray(4)
header[0:2] = b"\xca\xfe"
header[2] = 1
header[-1] = 0xFF
print(header, header.hex(), list(header), int.from_bytes(header, "big"))
header.reverse()
print(header, header.pop(), header.pop(0), header)
text = bytearray(b"hello threads")
text[0:5] = b"HELLO"
del text[5:]
text += b"!"
print(text, text.decode(), str(text, "ascii"), text.lower(), text.count(b"L"))
print(text == b"HELLO!", b"HELLO!" == text, text.startswith(b"HE"), bytes(text) in [b"HELLO!"])
shared = bytearray()


def appender(byte):
    for _ in range(1000):
        shared.append(byte)


ts = [threading.Thread(target=appender, args=(b,)) for b in (65, 66)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(shared), shared.count(b"A"), shared.count(66))
