# Python 2's recipe for a thread that returns its target's result: Thread's private
# attributes are name-mangled (`self._Thread__target`), and Thread.run() deletes them once
# it ran. Run with --python 2.7.
# gilsim: expect=ok python=2.7
from threading import Thread


class ThreadWithReturnValue(Thread):
    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}):
        Thread.__init__(self, group, target, name, args, kwargs)
        self._return = None

    def run(self):
        if self._Thread__target is not None:
            self._return = self._Thread__target(*self._Thread__args, **self._Thread__kwargs)

    def join(self):
        Thread.join(self)
        return self._return


def greet(who, punctuation="!"):
    print "hello %s%s" % (who, punctuation)
    return len(who)


t = ThreadWithReturnValue(target=greet, args=("world",), kwargs={"punctuation": "?"})
t.start()
print t.join()
plain = Thread(target=greet, args=("plain",))
print plain._Thread__args, plain._Thread__kwargs
plain.start()
plain.join()
print hasattr(plain, "_Thread__target"), hasattr(t, "_Thread__target")
