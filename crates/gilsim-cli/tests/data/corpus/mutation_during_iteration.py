# Modelled on examples of changing a dict or set while iterating over it, from a thread.
import threading

shared = {i: i * i for i in range(5)}


def mutate():
    shared[99] = 0


t = threading.Thread(target=mutate)
try:
    for k in shared:
        if k == 2:
            t.start()
            t.join()
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
lst = [1, 2, 3]
for x in lst:
    if x < 3:
        lst.append(x + 10)
print(lst)
d = dict(a=1, b=2)
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print("RuntimeError:", e)
print(d)
