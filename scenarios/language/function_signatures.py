# gilsim: expect=ok
# Decorators that read signatures, as job-scheduling code does: an audit decorator binds each
# call's arguments to the job's signature (inspect.signature through functools.wraps, bind,
# apply_defaults), a validator checks annotations, a dispatcher counts a callback's
# positional parameters. Worker threads run the audited jobs; then the signatures of methods,
# classes, partials, callable objects and threading's own functions, a function's __code__,
# __defaults__ and __kwdefaults__, getfullargspec, and bind's errors.
import functools
import inspect
import queue
import threading


def audited(func):
    sig = inspect.signature(func)

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        bound = sig.bind(*args, **kwargs)
        bound.apply_defaults()
        shown = ", ".join("%s=%r" % item for item in bound.arguments.items())
        with print_lock:
            print("%s: %s(%s)" % (threading.current_thread().name, func.__name__, shown))
        return func(*args, **kwargs)

    return wrapper


def validated(func):
    sig = inspect.signature(func)

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        for name, value in sig.bind(*args, **kwargs).arguments.items():
            expected = sig.parameters[name].annotation
            if expected is not inspect.Parameter.empty and not isinstance(value, expected):
                raise TypeError("%s should be %s, not %s" % (name, expected.__name__, type(value).__name__))
        return func(*args, **kwargs)

    return wrapper


print_lock = threading.Lock()


@audited
def resize(image, width, height=480, *extra, keep_ratio=True, **options):
    return width * height


@validated
def throttle(rate: int, burst: float = 1.5) -> float:
    return rate * burst


jobs = queue.Queue()
for n in range(3):
    jobs.put((n, 640 + n))


def worker():
    while True:
        try:
            n, width = jobs.get_nowait()
        except queue.Empty:
            return
        resize("img%d" % n, width, quality=90)


threads = [threading.Thread(target=worker, name="resizer-%d" % i) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print(throttle(4), throttle(2, 0.5))
try:
    throttle("fast")
except TypeError as error:
    print("TypeError:", error)

sig = inspect.signature(resize)
print(sig, "|", repr(sig))
print(inspect.signature(resize, follow_wrapped=False))
for param in sig.parameters.values():
    print(" ", repr(param), param.kind, int(param.kind), param.default is param.empty)
print(inspect.signature(throttle).return_annotation, type(sig.parameters).__name__)


def positional_count(callback):
    kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return sum(1 for p in inspect.signature(callback).parameters.values() if p.kind in kinds)


print(positional_count(lambda: None), positional_count(lambda event, ctx=None: None), positional_count(lambda *a: 0))


class Pipeline:
    def __init__(self, stages, *, name="pipe"):
        self.stages = stages

    def run(self, data, retries=[0, 1]):
        return data

    @classmethod
    def build(cls, spec):
        return cls(spec)

    @staticmethod
    def check(value, limit=0.25):
        return value

    def __call__(self, event, *, urgent=False):
        return event


class Plain:
    pass


for target in [Pipeline, Pipeline.run, Pipeline([]).run, Pipeline.build, Pipeline.check, Pipeline([]), Plain,
               functools.partial(resize.__wrapped__, "cover", height=100), threading.Thread, threading.Thread.join,
               threading.current_thread, queue.Queue.put, threading.Event.wait]:
    print(inspect.signature(target))

for broken in [lambda: sig.bind(), lambda: sig.bind("a", 1, image="b"), lambda: inspect.signature(throttle).bind(1, 2, 3),
               lambda: inspect.signature(Pipeline.check).bind(1, size=2)]:
    try:
        broken()
    except TypeError as error:
        print("TypeError:", error)

bound = sig.bind("x", 10, 20, 30, keep_ratio=False, dpi=300)
print(bound, bound.args, bound.kwargs)
print(sig.bind_partial(height=5))
print(sig.replace(return_annotation=int))
print(sig.parameters["height"].replace(default=720, annotation=int))
print(inspect.Signature([inspect.Parameter("fd", inspect.Parameter.POSITIONAL_ONLY),
                         inspect.Parameter("flags", inspect.Parameter.KEYWORD_ONLY, default=0)]))
for bad in [lambda: inspect.Parameter("2fast", inspect.Parameter.KEYWORD_ONLY),
            lambda: inspect.Parameter("rest", inspect.Parameter.VAR_POSITIONAL, default=())]:
    try:
        bad()
    except ValueError as error:
        print("ValueError:", error)
try:
    sig.parameters["image"] = None
except TypeError as error:
    print("TypeError:", error)
print(sig == inspect.signature(resize), sig == inspect.signature(throttle))

code = resize.__wrapped__.__code__
print(code.co_name, code.co_argcount, code.co_kwonlyargcount, code.co_varnames, code.co_nlocals)
print(code is resize.__wrapped__.__code__, type(code).__name__, code.co_firstlineno > 0)
print(resize.__wrapped__.__defaults__, resize.__wrapped__.__kwdefaults__, worker.__defaults__, worker.__kwdefaults__)
print(inspect.getfullargspec(resize.__wrapped__))
print(inspect.getfullargspec(throttle.__wrapped__))
print(inspect.unwrap(resize) is resize.__wrapped__)
