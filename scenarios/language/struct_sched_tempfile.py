# gilsim: expect=ok
# Binary records, timed events and scratch files as threaded tools use them: struct packs
# and unpacks packets passed between threads (byte orders, alignment, strings, half floats,
# struct.error texts per release), sched runs timed callbacks on a worker thread, and
# tempfile/shutil make, copy and clean up files on the run's disk.
import os
import queue
import sched
import shutil
import struct
import tempfile
import threading
import time

HEADER = struct.Struct("!HHI")
wire = queue.Queue()


def sender(ident, count):
    for seq in range(count):
        body = ("msg %d/%d" % (ident, seq)).encode()
        wire.put(HEADER.pack(ident, seq, len(body)) + body)


def receiver(expected, out):
    for _ in range(expected):
        packet = wire.get()
        ident, seq, size = HEADER.unpack_from(packet)
        out.append((ident, seq, packet[HEADER.size:HEADER.size + size].decode()))


received = []
threads = [threading.Thread(target=sender, args=(i, 3)) for i in (1, 2)]
threads.append(threading.Thread(target=receiver, args=(6, received)))
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(received))
print(HEADER.size, HEADER.format, struct.calcsize("@bq"), struct.calcsize("=bq"), struct.calcsize("<5s3xd"))
print(struct.pack("<hIq", -2, 7, -1).hex(), struct.pack(">?e5p", True, 0.333, b"abc"))
print(struct.unpack("<3B2h", bytes([1, 2, 255, 0, 128, 255, 127])), struct.unpack("<ef", struct.pack("<ef", 1.5, 0.1)))
print(list(struct.iter_unpack("<H", b"\x01\x00\x02\x00\x03\x00")))
for fmt, args in [("<B", (256,)), ("<h", (70000,)), ("<i", (2 ** 31,)), ("<Q", (-1,)), ("ii", (1,)),
                  ("i", ("x",)), ("<z", (1,)), ("<e", (1e6,))]:
    try:
        struct.pack(fmt, *args)
    except (struct.error, OverflowError) as e:
        print(type(e).__name__, e)
try:
    struct.unpack("<I", b"abc")
except struct.error as e:
    print("unpack:", e)

start = time.monotonic()
fired = []
scheduler = sched.scheduler(time.monotonic, time.sleep)


def event(name):
    fired.append("%s@%.1f by %s" % (name, time.monotonic() - start, threading.current_thread().name))


scheduler.enter(0.2, 2, event, ("late",))
scheduler.enter(0.1, 1, event, ("early",))
scheduler.enter(0.2, 1, event, argument=("same time, first priority",))
dropped = scheduler.enter(0.15, 1, event, ("dropped",))
scheduler.cancel(dropped)
print("queued", [e.argument[0] for e in scheduler.queue])
runner = threading.Thread(target=scheduler.run, name="sched-runner")
runner.start()
runner.join()
print(fired, scheduler.empty())

with tempfile.TemporaryDirectory(prefix="work-") as scratch:
    print(os.path.basename(scratch).startswith("work-"), os.path.dirname(scratch) == tempfile.gettempdir())

    def write_part(i):
        with open(os.path.join(scratch, "part%d.txt" % i), "w") as f:
            f.write("part %d\n" % i)

    writers = [threading.Thread(target=write_part, args=(i,)) for i in range(3)]
    for w in writers:
        w.start()
    for w in writers:
        w.join()
    os.makedirs(os.path.join(scratch, "backup"))
    for name in sorted(os.listdir(scratch)):
        if name.endswith(".txt"):
            shutil.copy(os.path.join(scratch, name), os.path.join(scratch, "backup"))
    shutil.move(os.path.join(scratch, "part0.txt"), os.path.join(scratch, "first.txt"))
    print(sorted(os.listdir(scratch)), sorted(os.listdir(os.path.join(scratch, "backup"))))
    with tempfile.NamedTemporaryFile("w+", suffix=".log", dir=scratch) as log:
        log.write("hello\n")
        log.seek(0)
        print(log.read().strip(), log.name.endswith(".log"), os.path.exists(log.name))
    print("log removed:", not os.path.exists(log.name))
    shutil.rmtree(os.path.join(scratch, "backup"))
    print(sorted(os.listdir(scratch)))
print("scratch removed:", not os.path.exists(scratch))
