# gilsim: expect=ok
# Thread.run and Process.run called from Python code — a subclass's super().run(), a direct
# t.run() — are frames of CPython's library that tracebacks show; run() returns None whatever
# the target returns. The "propagating thread" recipe re-raises a worker's exception in
# join(). is_alive(), name, ident, daemon and native_id of a thread whose __init__ skipped
# Thread.__init__ are AssertionErrors (traceback shows threading.py's assert). A format error inside an f-string is placed at its replacement field
# from 3.12.
import multiprocessing
import threading
import traceback


def divide(x):
    return 10 / x


class PropagatingThread(threading.Thread):
    def run(self):
        self.exc = None
        try:
            super().run()
        except BaseException as e:
            self.exc = e

    def join(self, timeout=None):
        super().join(timeout)
        if self.exc:
            raise self.exc


class LoggedProcess(multiprocessing.Process):
    def run(self):
        try:
            super().run()
        except Exception:
            traceback.print_exc()


class Unready(threading.Thread):
    def __init__(self):
        pass


class Spec:
    def __format__(self, spec):
        raise ValueError("bad spec " + spec)


if __name__ == "__main__":
    print(threading.Thread(target=divide, args=(5,)).run())
    try:
        threading.Thread(target=divide, args=(0,)).run()
    except ZeroDivisionError:
        traceback.print_exc()
    p = LoggedProcess(target=divide, args=(0,))
    p.start()
    p.join()
    try:
        Unready().is_alive()
    except AssertionError as e:
        print("AssertionError:", e)
    for attribute in ("name", "ident", "daemon"):
        try:
            getattr(Unready(), attribute)
        except AssertionError as e:
            print(attribute, "AssertionError:", e)
    try:
        Unready().name = "renamed"
    except AssertionError:
        traceback.print_exc()
    try:
        print("value", f"{Spec():>8} and {Spec()!r}")
    except ValueError:
        traceback.print_exc()
    t = PropagatingThread(target=divide, args=(0,))
    t.start()
    try:
        t.join()
    except ZeroDivisionError:
        traceback.print_exc()
    print("done")
