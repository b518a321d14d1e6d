# Modelled on resource classes that close themselves in __del__.
import threading

class Resource:
    count = 0
    def __init__(self, name):
        self.name = name
        Resource.count += 1
        print("open", name)
    def __del__(self):
        Resource.count -= 1
        print("close", self.name)

def use():
    r = Resource(threading.current_thread().name)
    print("using", r.name)

t = threading.Thread(target=use, name="user-1")
t.start(); t.join()
r = Resource("main")
del r
print("live", Resource.count)
