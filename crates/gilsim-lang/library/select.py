# gilsim's `select` module: `select.select` over the simulated sockets (see socket.py). A
# socket is readable when a recv or accept would not block, writable while it is open (a send
# never blocks on the simulated network); nothing is ever exceptional. Other file objects are
# not supported.
import socket as _socket
from time import monotonic as _time

error = OSError


def _sockets(objects):
    objects = list(objects)
    for obj in objects:
        if not isinstance(obj, _socket.socket):
            raise TypeError("gilsim: select() takes only sockets")
        if obj.fileno() < 0:
            raise ValueError("file descriptor cannot be a negative integer (-1)")
    return objects


def select(rlist, wlist, xlist, timeout=None):
    if timeout is not None and timeout < 0:
        raise ValueError("timeout must be non-negative")
    rlist, wlist, xlist = _sockets(rlist), _sockets(wlist), _sockets(xlist)
    return _socket.socket._select(rlist, wlist, timeout)
