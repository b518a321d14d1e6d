# gilsim: expect=possible-race
# A call counter kept on the function itself, as scripts count calls or memoise results:
# `handle.calls += 1` from two threads without a lock. The update is a read and a store of
# the function's attribute, like any object's; nothing orders the two threads' updates, so
# another schedule (an older version's switch points, a free-threaded build) can lose one.
import threading


def handle(request):
    handle.calls += 1
    return request.upper()


handle.calls = 0


def serve(requests):
    for request in requests:
        handle(request)


workers = [threading.Thread(target=serve, args=(["a", "b", "c"],)) for _ in range(2)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print("calls", handle.calls)
