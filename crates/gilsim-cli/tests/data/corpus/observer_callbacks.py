# Modelled on observer-pattern examples where events are published from worker threads.
import threading


class EventBus:
    def __init__(self):
        self._subscribers = {}
        self._lock = threading.Lock()

    def subscribe(self, topic, callback):
        with self._lock:
            self._subscribers.setdefault(topic, []).append(callback)

    def publish(self, topic, payload):
        with self._lock:
            callbacks = list(self._subscribers.get(topic, ()))
        for cb in callbacks:
            cb(topic, payload)


class Recorder:
    def __init__(self, name):
        self.name = name
        self.seen = []
        self.lock = threading.Lock()

    def __call__(self, topic, payload):
        with self.lock:
            self.seen.append((topic, payload))

    def __repr__(self):
        return "Recorder(%r, %d events)" % (self.name, len(self.seen))


bus = EventBus()
a, b = Recorder("a"), Recorder("b")
bus.subscribe("price", a)
bus.subscribe("price", b)
bus.subscribe("volume", b)


def producer(topic, count):
    for i in range(count):
        bus.publish(topic, i)


ts = [threading.Thread(target=producer, args=("price", 5)), threading.Thread(target=producer, args=("volume", 3))]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(a, b)
print(sorted(a.seen))
print(sorted(b.seen, key=lambda e: (e[0], e[1])))
