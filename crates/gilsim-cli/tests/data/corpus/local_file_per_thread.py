# Modelled on public examples where each thread writes its own output file, then main merges them.
import os
import threading


def worker(n):
    name = "part_%d.txt" % n
    with open(name, "w") as f:
        for i in range(3):
            f.write("%d:%d\n" % (n, i * n))


threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
merged = []
for n in range(4):
    name = "part_%d.txt" % n
    with open(name) as f:
        merged.extend(line.strip() for line in f)
    os.remove(name)
print(len(merged), merged[:4], merged[-1])
print([f for f in os.listdir(".") if f.startswith("part_")])
