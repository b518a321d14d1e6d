# Modelled on threading.local subclasses with per-thread defaults in __init__.
import threading

class Context(threading.local):
    def __init__(self, default):
        print("init in", threading.current_thread().name)
        self.value = default
        self.items = []

ctx = Context(10)

def work(n):
    ctx.value += n
    ctx.items.append(n)
    print(threading.current_thread().name, ctx.value, ctx.items)

threads = [threading.Thread(target=work, args=(i,), name="T%d" % i) for i in range(3)]
for t in threads:
    t.start()
    t.join()
print("main", ctx.value, ctx.items)
