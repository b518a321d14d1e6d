# gilsim: expect=ok
# Context managers as decorators: a `@contextmanager` generator decorating a function (a new
# generator for every call) and a `ContextDecorator` subclass counting the calls of a worker run
# by threads; a `@contextmanager` object entered twice fails as CPython's does (3.7+ drops
# what re-creating it would need once it is entered); `@asynccontextmanager` for `async with`.
import contextlib
import threading

lock = threading.Lock()
log = []


@contextlib.contextmanager
def tagged(name):
    log.append("<%s>" % name)
    yield name
    log.append("</%s>" % name)


class counted(contextlib.ContextDecorator):
    calls = 0

    def __enter__(self):
        with lock:
            counted.calls += 1
        return self

    def __exit__(self, *exc):
        return False


@tagged("job")
def job(n):
    log.append("job %d" % n)


@counted()
def work(n):
    return n * n


job(1)
job(2)
print(log, job.__name__, job.__wrapped__.__name__)
results = []
threads = [threading.Thread(target=lambda n=n: results.append(work(n))) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results), counted.calls, work.__name__)
manager = tagged("once")
with manager as name:
    print("inside", name)
try:
    with manager:
        pass
except (AttributeError, RuntimeError) as e:
    print(type(e).__name__, e)

# `@asynccontextmanager` (3.7+) for `async with`, also around an asyncio lock.
try:
    from contextlib import asynccontextmanager
except ImportError:
    asynccontextmanager = None
if asynccontextmanager is not None:
    import asyncio

    @asynccontextmanager
    async def session(name, events):
        events.append("open " + name)
        try:
            yield name.upper()
        finally:
            events.append("close " + name)

    async def main():
        events = []
        async with session("a", events) as s:
            events.append("using " + s)
        try:
            async with session("b", events):
                raise ValueError("boom")
        except ValueError as e:
            events.append("caught %s" % e)
        print(events)

    asyncio.run(main())
