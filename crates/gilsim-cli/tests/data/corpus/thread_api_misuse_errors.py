# Modelled on lists of threading beginner mistakes: join before start, start twice, a typo in a keyword.
import threading


class Bad(threading.Thread):
    def __init__(self):
        self.x = 1

    def run(self):
        pass


def attempt(label, f):
    try:
        f()
        print(label, "ok")
    except Exception as e:
        print(label, type(e).__name__, e)


t = threading.Thread(target=lambda: None)
attempt("join before start:", t.join)
t.start()
attempt("start twice:", t.start)
t.join()
attempt("join self:", threading.current_thread().join)
attempt("bad subclass start:", lambda: Bad().start())
attempt("bad subclass repr:", lambda: repr(Bad()))
attempt("daemon after start:", lambda: setattr(t, "daemon", True))
attempt("name set:", lambda: setattr(t, "name", "renamed"))
print(t.name, t.ident is not None, t.native_id is not None, t.is_alive())
attempt("negative timeout:", lambda: threading.Lock().acquire(timeout=-2))
attempt("timeout nonblocking:", lambda: threading.Lock().acquire(False, 1))
attempt("semaphore negative:", lambda: threading.Semaphore(-1))
attempt("barrier zero:", lambda: threading.Barrier(0))
attempt("condition notify unowned:", lambda: threading.Condition().notify())
attempt("event wait str:", lambda: threading.Event().wait("1"))
attempt("thread bad kwarg:", lambda: threading.Thread(targt=print))
attempt("thread args not tuple:", lambda: threading.Thread(target=print, args=5).run())
attempt("timer negative:", lambda: threading.Timer(-1, print).start())
attempt("local attr:", lambda: threading.local().missing)
