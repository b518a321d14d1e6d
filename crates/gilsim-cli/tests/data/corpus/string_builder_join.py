# Modelled on threads building report sections that are joined in order.
import threading

sections = [None] * 4


def build(i):
    lines = ["Section %d" % (i + 1), "-" * 10]
    for j in range(3):
        lines.append("  item %d.%d: %s" % (i + 1, j + 1, "x" * (j + i + 1)))
    sections[i] = "\n".join(lines)


threads = [threading.Thread(target=build, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
report = "\n\n".join(sections)
print(report)
print(report.count("\n"), len(report.split()), report.upper().count("ITEM"))
