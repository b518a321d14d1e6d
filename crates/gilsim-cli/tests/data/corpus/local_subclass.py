# Modelled on threading.local subclass examples from the _threading_local docstring.
import threading


class MyLocal(threading.local):
    number = 2
    initialized = False

    def __init__(self, **kw):
        if self.initialized:
            raise SystemError("__init__ called too many times")
        self.initialized = True
        self.__dict__.update(kw)

    def squared(self):
        return self.number ** 2


mydata = MyLocal(color="red")
print(mydata.number, mydata.color, mydata.squared())
log = []


def f():
    items = sorted(mydata.__dict__.items())
    log.append(items)
    mydata.number = 11
    log.append(mydata.number)


thread = threading.Thread(target=f)
thread.start()
thread.join()
print(log)
print(mydata.number)
