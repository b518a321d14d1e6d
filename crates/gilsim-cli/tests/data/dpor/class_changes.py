# A thread changes a class while another uses it: what the user sees depends on which goes
# first, through lookups that the interpreter answers from its caches (a method found on a
# base class, the absence of a `__setattr__`, of a property, an `__init__`).
import threading


class Base:
    def kind(self):
        return "base"

    def __init__(self):
        self.made = "base"


class Sub(Base):
    pass


obj = Sub()
obj.kind()  # every lookup below has been made, and cached, once
obj.size = 0
Sub()
out = []


def use():
    out.append(obj.kind())
    obj.size = 1
    out.append(obj.size)
    out.append(Sub().made)


def change():
    Sub.kind = lambda self: "sub"
    Sub.__setattr__ = lambda self, name, value: object.__setattr__(self, name, f"{value}!")
    Sub.__init__ = lambda self: setattr(self, "made", "sub")


threads = [threading.Thread(target=use), threading.Thread(target=change)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(out)
