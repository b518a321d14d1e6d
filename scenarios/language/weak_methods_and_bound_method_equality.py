# gilsim: expect=ok
# An event bus in the observer style: subscribers are bound methods, held strongly in one list
# (unsubscribing removes `obj.method`, which must equal the method stored: bound methods of
# one object and function compare and hash equal) and weakly in another (weakref.WeakMethod,
# which dies with its object and calls back once). Threads publish while others unsubscribe;
# a function's __get__ binds it as a method.
import threading
import weakref


class Listener:
    def __init__(self, name):
        self.name = name

    def on_event(self, value):
        return "%s got %s" % (self.name, value)


class Bus:
    def __init__(self):
        self.lock = threading.Lock()
        self.subscribers = []

    def subscribe(self, method):
        died = lambda wm: print("subscriber gone")
        with self.lock:
            self.subscribers.append(weakref.WeakMethod(method, died))

    def publish(self, value):
        with self.lock:
            live = [wm() for wm in self.subscribers]
        return [m(value) for m in live if m is not None]


bus = Bus()
a, b = Listener("a"), Listener("b")
bus.subscribe(a.on_event)
bus.subscribe(b.on_event)
out = []
t = threading.Thread(target=lambda: out.extend(bus.publish(1)))
t.start()
t.join()
print(out)
del b
print(bus.publish(2))
wm = weakref.WeakMethod(a.on_event)
print(wm() == a.on_event, wm == weakref.WeakMethod(a.on_event), isinstance(wm, weakref.ref))
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError", e)
r = weakref.ref(a)
print(r() is a, wm.__callback__ is not None)


class Strong:
    def __init__(self):
        self.handlers = []
        self.lock = threading.Lock()

    def on(self, handler):
        with self.lock:
            self.handlers.append(handler)

    def off(self, handler):
        with self.lock:
            self.handlers.remove(handler)


strong = Strong()
listeners = [Listener("l%d" % i) for i in range(4)]
for listener in listeners:
    strong.on(listener.on_event)
workers = [threading.Thread(target=strong.off, args=(listener.on_event,)) for listener in listeners[::2]]
for w in workers:
    w.start()
for w in workers:
    w.join()
print([h(3) for h in strong.handlers], a.on_event in strong.handlers, listeners[1].on_event in strong.handlers)
print(len({a.on_event, a.on_event, Listener.on_event}), a.on_event != a.on_event, [1].append == [1].append)


# A function is a descriptor: __get__ binds it to an object (how methods are made).
def describe(self, x=1):
    return ("describe", type(self).__name__, x)


bound = describe.__get__(a, Listener)
print(bound(), bound(5), bound == describe.__get__(a), describe.__get__(None, Listener) is describe)
for args in [(), (None,), (1, 2, 3)]:
    try:
        describe.__get__(*args)
    except TypeError as e:
        print("TypeError", e)
