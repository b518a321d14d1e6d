# gilsim: expect=ok policy=preemptive runs=100
# Looks dangerous, is correct: a readers-writer lock built on one Condition. Readers read
# the shared document outside the Condition's lock, and the writers update it outside the
# lock too, but every access is ordered by the Condition's lock hand-offs (a writer waits
# until no reader is inside, readers wait while a writer is).
import threading


class ReadWriteLock:
    def __init__(self):
        self.cond = threading.Condition()
        self.readers = 0
        self.writing = False

    def start_read(self):
        with self.cond:
            while self.writing:
                self.cond.wait()
            self.readers += 1

    def end_read(self):
        with self.cond:
            self.readers -= 1
            if self.readers == 0:
                self.cond.notify_all()

    def start_write(self):
        with self.cond:
            while self.writing or self.readers > 0:
                self.cond.wait()
            self.writing = True

    def end_write(self):
        with self.cond:
            self.writing = False
            self.cond.notify_all()


rw = ReadWriteLock()
document = {"version": 0, "text": ""}
seen = []


def writer(rounds):
    for _ in range(rounds):
        rw.start_write()
        document["version"] += 1
        document["text"] = "v%d" % document["version"]
        rw.end_write()


def reader(rounds):
    for _ in range(rounds):
        rw.start_read()
        seen.append(document["text"] == "v%d" % document["version"] or document["version"] == 0)
        rw.end_read()


threads = [threading.Thread(target=writer, args=(5,)) for _ in range(2)]
threads += [threading.Thread(target=reader, args=(5,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("version:", document["version"], "consistent reads:", all(seen))
