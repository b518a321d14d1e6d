# Modelled on binary packet code that passes struct-packed records between threads.
import struct
import threading
import queue

packets = queue.Queue()

def sender():
    for seq in range(3):
        payload = struct.pack("!IHf", seq, 0xBEEF, seq * 1.5)
        packets.put(payload)
    packets.put(b"")

def receiver():
    while True:
        data = packets.get()
        if not data:
            break
        seq, tag, value = struct.unpack("!IHf", data)
        print(len(data), seq, hex(tag), value, data.hex())

ts = [threading.Thread(target=sender), threading.Thread(target=receiver)]
for t in ts: t.start()
for t in ts: t.join()
print(struct.calcsize("!IHf"), struct.calcsize("IHf"))
