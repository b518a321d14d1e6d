import threading
n = 0
def w():
    global n
    for _ in range(3):
        n += 1
ts = [threading.Thread(target=w) for _ in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print(n)
