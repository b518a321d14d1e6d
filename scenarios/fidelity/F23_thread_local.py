# F23: a threading.local value set in main is invisible in another thread; a subclass's
# __init__ runs once per thread, with the creation arguments.
# gilsim: expect=ok
import threading

loc = threading.local()
loc.x = 1


def peek():
    print("other thread sees:", getattr(loc, "x", "<missing>"))


t = threading.Thread(target=peek)
t.start()
t.join()


class L(threading.local):
    def __init__(self, tag):
        print("L.__init__ in", threading.current_thread().name, "with", tag)
        self.tag = tag


shared = L("t")
t = threading.Thread(target=lambda: print("LT sees", shared.tag), name="LT")
t.start()
t.join()
print("main sees", shared.tag)

# The `__dict__` of a local (and so `vars()`) is the running thread's attributes.
print("main's dict:", vars(loc))


def own_dict():
    loc.y = 2
    print("worker's dict:", loc.__dict__, "vars:", vars(loc))


t = threading.Thread(target=own_dict)
t.start()
t.join()
print("main's dict again:", loc.__dict__)
