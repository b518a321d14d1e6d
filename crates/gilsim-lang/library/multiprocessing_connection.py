# multiprocessing.connection: the pipes' Connection, Pipe(), and wait() for connections and
# process sentinels (CPython's select() on their file descriptors, here a look every 0.1 ms of
# virtual time). Listener and Client (sockets between interpreters) are not here.
import time
import _gilsim
from multiprocessing import BaseProcess, Connection, Pipe, BufferTooShort, AuthenticationError

__all__ = ["Connection", "Pipe", "wait"]

# How often wait() looks again.
_WAIT_POLL = 0.0001


def _ready(obj):
    if isinstance(obj, Connection):
        return obj.poll()
    if isinstance(obj, int) and obj in BaseProcess._pid_by_sentinel:
        return _gilsim.process_exitcode(BaseProcess._pid_by_sentinel[obj]) is not None
    if isinstance(obj, int) or hasattr(obj, "fileno"):
        return False
    raise TypeError("argument must be an int, or have a fileno() method.")


def wait(object_list, timeout=None):
    # The connections that can be read and the sentinels of processes that have exited, once
    # there is one or the timeout has passed.
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        ready = [obj for obj in object_list if _ready(obj)]
        if ready or (deadline is not None and time.monotonic() >= deadline):
            return ready
        time.sleep(_WAIT_POLL)
