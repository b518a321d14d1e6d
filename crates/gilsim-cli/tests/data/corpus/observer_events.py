# Modelled on public observer-pattern examples where a publisher notifies subscribers from a thread.
import threading
from collections import defaultdict


class EventBus:
    def __init__(self):
        self._subs = defaultdict(list)
        self._lock = threading.Lock()

    def subscribe(self, topic, fn):
        with self._lock:
            self._subs[topic].append(fn)

    def publish(self, topic, *args):
        with self._lock:
            handlers = list(self._subs.get(topic, ()))
        for h in handlers:
            h(topic, *args)


log = []
bus = EventBus()
bus.subscribe("price", lambda t, v: log.append((t, v)))
bus.subscribe("price", lambda t, v: log.append((t.upper(), v * 2)))
bus.subscribe("news", lambda t, *a: log.append((t, len(a))))


def feed(values):
    for v in values:
        bus.publish("price", v)


threads = [threading.Thread(target=feed, args=([i, i + 10],)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
bus.publish("news", "a", "b")
bus.publish("weather", 1)
print(len(log))
print(sorted(log))
print(dict(bus._subs).keys())
