# sched: Lib/sched.py — a general-purpose event scheduler over a heap, guarded by an RLock so
# threads may enter and cancel events while another runs them. Events are namedtuples
# (time, priority, sequence, action, argument, kwargs) from 3.10; before, (time, priority,
# action, argument, kwargs) compared on (time, priority) only, as CPython's were.
import time
import heapq
import threading
from collections import namedtuple
from itertools import count
import _gilsim

_time = time.monotonic
_sentinel = object()

if _gilsim.version >= (3, 10):
    Event = namedtuple("Event", "time, priority, sequence, action, argument, kwargs")
else:
    class Event(namedtuple("Event", "time, priority, action, argument, kwargs")):
        __slots__ = []

        def __eq__(s, o):
            return (s.time, s.priority) == (o.time, o.priority)

        def __lt__(s, o):
            return (s.time, s.priority) < (o.time, o.priority)

        def __le__(s, o):
            return (s.time, s.priority) <= (o.time, o.priority)

        def __gt__(s, o):
            return (s.time, s.priority) > (o.time, o.priority)

        def __ge__(s, o):
            return (s.time, s.priority) >= (o.time, o.priority)


class scheduler:
    def __init__(self, timefunc=_time, delayfunc=time.sleep):
        self._queue = []
        self._lock = threading.RLock()
        self.timefunc = timefunc
        self.delayfunc = delayfunc
        self._sequence_generator = count()

    def enterabs(self, time, priority, action, argument=(), kwargs=_sentinel):
        if kwargs is _sentinel:
            kwargs = {}
        with self._lock:
            if _gilsim.version >= (3, 10):
                event = Event(time, priority, next(self._sequence_generator), action, argument, kwargs)
            else:
                event = Event(time, priority, action, argument, kwargs)
            heapq.heappush(self._queue, event)
        return event

    def enter(self, delay, priority, action, argument=(), kwargs=_sentinel):
        time = self.timefunc() + delay
        return self.enterabs(time, priority, action, argument, kwargs)

    def cancel(self, event):
        with self._lock:
            self._queue.remove(event)
            heapq.heapify(self._queue)

    def empty(self):
        with self._lock:
            return not self._queue

    def run(self, blocking=True):
        lock = self._lock
        q = self._queue
        delayfunc = self.delayfunc
        timefunc = self.timefunc
        pop = heapq.heappop
        while True:
            with lock:
                if not q:
                    break
                event = q[0]
                time, priority = event[0], event[1]
                action, argument, kwargs = event[-3], event[-2], event[-1]
                now = timefunc()
                if time > now:
                    delay = True
                else:
                    delay = False
                    pop(q)
            if delay:
                if not blocking:
                    return time - now
                delayfunc(time - now)
            else:
                action(*argument, **kwargs)
                delayfunc(0)

    @property
    def queue(self):
        with self._lock:
            events = self._queue[:]
        return list(map(heapq.heappop, [events] * len(events)))
