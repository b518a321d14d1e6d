# Modelled on "write results to CSV from worker threads" examples: workers measure items and a
# lock serialises DictWriter rows into a file; the main thread reads it back with DictReader.
import csv
import os
import queue
import tempfile
import threading

jobs = queue.Queue()
for sku, name, price, qty in [
    ("A-1", "widget", 2.5, 4),
    ("B-7", 'gadget "pro"', 10.0, 1),
    ("C-3", "doohickey, large", 7.25, 2),
    ("D-9", "thing\nwith newline", 0.5, 10),
]:
    jobs.put((sku, name, price, qty))

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "report.csv")
    write_lock = threading.Lock()
    with open(path, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["sku", "name", "total", "worker"])
        writer.writeheader()

        def worker():
            while True:
                try:
                    sku, name, price, qty = jobs.get_nowait()
                except queue.Empty:
                    return
                with write_lock:
                    writer.writerow({"sku": sku, "name": name, "total": price * qty, "worker": "w"})

        threads = [threading.Thread(target=worker) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    with open(path, newline="") as f:
        raw = f.read()
    print("bytes:", len(raw), "lines ending in CRLF:", raw.count("\r\n"))
    with open(path, newline="") as f:
        rows = sorted(csv.DictReader(f), key=lambda row: row["sku"])
    for row in rows:
        print(row["sku"], repr(row["name"]), float(row["total"]), row["worker"])
    print("grand total:", sum(float(row["total"]) for row in rows))

table = [["x", "y"], [1, 2], ["a;b", 'say "hi"']]
for dialect in ("excel", "excel-tab", "unix"):
    out = []

    class Sink:
        def write(self, text):
            out.append(text)

    csv.writer(Sink(), dialect=dialect).writerows(table)
    print(dialect, repr("".join(out)))
print(list(csv.reader(["1;2;'three;3'"], delimiter=";", quotechar="'")))
