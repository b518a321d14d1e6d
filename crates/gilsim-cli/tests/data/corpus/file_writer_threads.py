# Modelled on public "threads appending to one file under a lock" examples, cleaned up afterwards.
import os
import threading

FILENAME = "threads_output.txt"
lock = threading.Lock()


def write_to_file(content):
    with lock:
        with open(FILENAME, "a+") as fh:
            fh.write(content + "\n")


open(FILENAME, "w").close()
threads = []
for i in range(1, 8):
    t = threading.Thread(target=write_to_file, args=("test " + str(i),))
    threads.append(t)
    t.start()
[thread.join() for thread in threads]
with open(FILENAME) as fh:
    lines = fh.read().splitlines()
print(len(lines), sorted(lines, key=lambda s: int(s.split()[1])))
print(os.path.getsize(FILENAME))
os.remove(FILENAME)
print(os.path.exists(FILENAME))
