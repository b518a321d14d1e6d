# Modelled on "thread-safe singleton with __new__ and double-checked locking" tutorials.
import threading


class Logger:
    _instance = None
    _lock = threading.Lock()

    def __new__(cls):
        if cls._instance is None:
            with cls._lock:
                if cls._instance is None:
                    instance = super().__new__(cls)
                    instance.lines = []
                    cls._instance = instance
        return cls._instance

    def log(self, text):
        self.lines.append(text)


def work(n):
    Logger().log("worker %d" % n)


threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(Logger().lines), Logger() is Logger())
