# Modelled on report examples using the string module's constants and Template.
import string
import threading

counts = dict.fromkeys(string.ascii_lowercase[:5], 0)
lock = threading.Lock()


def count(text):
    for ch in text:
        if ch in counts:
            with lock:
                counts[ch] += 1


threads = [threading.Thread(target=count, args=(t,)) for t in ["abcde", "aabb", "eeee"]]
for t in threads:
    t.start()
for t in threads:
    t.join()
tmpl = string.Template("$name: $total letters")
print(tmpl.substitute(name="report", total=sum(counts.values())), counts, string.digits)
