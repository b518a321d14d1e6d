# Modelled on console tools: a progress bar redrawn with \\r from a thread, print() options,
# reprs, ascii() and %a, and format specifications.
import threading
import time
import sys

def progress(total):
    for i in range(total + 1):
        bar = "#" * i + "-" * (total - i)
        sys.stdout.write(f"\r[{bar}] {i * 100 // total}%")
        sys.stdout.flush()
        time.sleep(0.01)
    sys.stdout.write("\n")

t = threading.Thread(target=progress, args=(5,))
t.start()
t.join()
print("data", end=" ")
print("more", flush=True)
print("tab\tsep", "x", sep="|")
sys.stderr.write("warning line\n")
print(repr("quote's"), repr('dq"'), repr("both'\""), ascii("é"), "é".encode("utf-8"))
print("%s %r %a" % ("é", "é", "é"))
print(str(b"bytes"), repr(b"\x00\n\t'"), b"a" * 3)
print(format(1234.5678, ",.2f"), format(0.000012345, ".3g"), format(123456789, "e"), format(12, "#x"), format(7, "#o"))
print(f"{'left':<8}|{'mid':^8}|{'right':>8}|{3.0:g}|{1e20:g}|{-0.0}|{float('nan')}|{1/3:.15}")
