# Modelled on "contextvars vs threading.local" articles and request-tracing examples: a
# worker pool handles requests, each handler stores its request id in a ContextVar and
# logs through a helper that reads it; every thread starts with an empty context, so the
# main thread's value never leaks into the workers. Also types.SimpleNamespace for the
# request objects and warnings for a deprecated helper.
import contextvars
import threading
import types
import warnings
from concurrent.futures import ThreadPoolExecutor

request_id = contextvars.ContextVar("request_id", default="<none>")
log_lock = threading.Lock()
lines = []


def log(message):
    with log_lock:
        lines.append("[%s] %s" % (request_id.get(), message))


def old_lookup(user):
    warnings.warn("old_lookup() is deprecated, use lookup()", DeprecationWarning, stacklevel=2)
    return user.upper()


def handle(request):
    token = request_id.set("req-%03d" % request.number)
    try:
        log("start %s" % request.path)
        name = old_lookup(request.user)
        log("user %s" % name)
        return types.SimpleNamespace(number=request.number, status=200, user=name)
    finally:
        request_id.reset(token)
        log("reset")


request_id.set("main-thread")
requests = [types.SimpleNamespace(number=n, path="/item/%d" % n, user=u) for n, u in enumerate("abc", 1)]
with ThreadPoolExecutor(max_workers=2) as pool:
    responses = list(pool.map(handle, requests))

for line in sorted(lines):
    print(line)
print(responses[0])
print([r.status for r in responses], request_id.get())

context = contextvars.copy_context()
print(context.run(lambda: request_id.get()), len(context), request_id in context)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    old_lookup("d")
print([(w.category.__name__, w.lineno, str(w.message)) for w in caught])
