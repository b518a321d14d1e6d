# CPython's TypeError messages for wrong argument counts to the threading API. Thread's
# methods and the module functions are Python functions in CPython (`Thread.join() takes from
# 1 to 2 positional arguments but 3 were given`); Lock's methods are C methods that do not
# count the receiver (`lock.release() takes no arguments (1 given)`). `threading.Lock(1)`
# names `_thread.allocate_lock` before 3.13 and the `lock` class from 3.13 on.
# gilsim: expect=ok
import threading

thread = threading.Thread()
lock = threading.Lock()
rlock = threading.RLock()
calls = [
    ("thread.setName()", lambda: thread.setName()),
    ("thread.setName('a', 'b')", lambda: thread.setName("a", "b")),
    ("thread.setDaemon()", lambda: thread.setDaemon()),
    ("thread.join(1, 2)", lambda: thread.join(1, 2)),
    ("thread.is_alive(1)", lambda: thread.is_alive(1)),
    ("thread.start(1)", lambda: thread.start(1)),
    ("thread.run(1)", lambda: thread.run(1)),
    ("lock.acquire(True, 1, 2)", lambda: lock.acquire(True, 1, 2)),
    ("lock.__enter__(1, 2, 3)", lambda: lock.__enter__(1, 2, 3)),
    ("lock.release(1)", lambda: lock.release(1)),
    ("lock.locked(1)", lambda: lock.locked(1)),
    ("rlock.acquire(True, 1, 2)", lambda: rlock.acquire(True, 1, 2)),
    ("rlock.release(1)", lambda: rlock.release(1)),
    ("threading.current_thread(1)", lambda: threading.current_thread(1)),
    ("threading.main_thread(1)", lambda: threading.main_thread(1)),
    ("threading.active_count(1)", lambda: threading.active_count(1)),
    ("threading.enumerate(1)", lambda: threading.enumerate(1)),
    ("threading.get_ident(1)", lambda: threading.get_ident(1)),
    ("threading.Lock(1)", lambda: threading.Lock(1)),
]
for text, call in calls:
    try:
        call()
        print(text, "-> no error")
    except TypeError as e:
        print(text, "-> TypeError:", e)
