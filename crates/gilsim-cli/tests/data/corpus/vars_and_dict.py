# Modelled on code that inspects thread-related objects with vars() and __dict__.
import threading


class Config:
    """Holds settings."""

    def __init__(self):
        self.workers = 4
        self.name = "cfg"


c = Config()
print(vars(c))
print(c.__dict__ == vars(c), Config.__name__, Config.__qualname__, Config.__doc__)
c.__dict__["extra"] = True
print(c.extra, sorted(vars(c)))
t = threading.Thread(target=print, args=("from thread",))
t.start()
t.join()
print(type(c).__module__)
