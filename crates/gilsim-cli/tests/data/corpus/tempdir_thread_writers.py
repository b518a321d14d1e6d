# Modelled on threads writing parts into a tempfile.TemporaryDirectory.
import tempfile
import os
import threading

lock = threading.Lock()
with tempfile.TemporaryDirectory() as d:
    def write(i):
        path = os.path.join(d, "part%d.txt" % i)
        with open(path, "w") as f:
            f.write("chunk %d\n" % i)
    ts = [threading.Thread(target=write, args=(i,)) for i in range(3)]
    for t in ts: t.start()
    for t in ts: t.join()
    print(sorted(os.listdir(d)))
    out = ""
    for name in sorted(os.listdir(d)):
        with open(os.path.join(d, name)) as f:
            out += f.read()
    print(out, end="")
print("exists after?", os.path.exists(d))
