# gilsim's `selectors` module: CPython's selector API (Lib/selectors.py) over the simulated
# sockets (see socket.py and select.py). Every selector class is the same one: `select()`
# waits, in virtual time, until a registered socket is readable (a recv or accept would not
# block) or writable (open), or the timeout passes.
import socket as _socket
from collections import namedtuple
from collections.abc import Mapping

EVENT_READ = 1
EVENT_WRITE = 2

SelectorKey = namedtuple("SelectorKey", ["fileobj", "fd", "events", "data"])


def _fileobj_to_fd(fileobj):
    if isinstance(fileobj, int):
        fd = fileobj
    else:
        try:
            fd = int(fileobj.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError("Invalid file object: {!r}".format(fileobj)) from None
    if fd < 0:
        raise ValueError("Invalid file descriptor: {}".format(fd))
    return fd


class _SelectorMapping(Mapping):
    def __init__(self, selector):
        self._selector = selector

    def __len__(self):
        return len(self._selector._fd_to_key)

    def __getitem__(self, fileobj):
        fd = self._selector._fileobj_lookup(fileobj)
        if fd not in self._selector._fd_to_key:
            raise KeyError("{!r} is not registered".format(fileobj))
        return self._selector._fd_to_key[fd]

    def __iter__(self):
        return iter(self._selector._fd_to_key)


class BaseSelector:
    def __init__(self):
        self._fd_to_key = {}
        self._map = _SelectorMapping(self)

    def _fileobj_lookup(self, fileobj):
        try:
            return _fileobj_to_fd(fileobj)
        except ValueError:
            for key in self._fd_to_key.values():
                if key.fileobj is fileobj:
                    return key.fd
            raise

    def register(self, fileobj, events, data=None):
        if (not events) or (events & ~(EVENT_READ | EVENT_WRITE)):
            raise ValueError("Invalid events: {!r}".format(events))
        if not isinstance(fileobj, _socket.socket):
            raise ValueError("gilsim: selectors select only sockets, not {!r}".format(fileobj))
        key = SelectorKey(fileobj, self._fileobj_lookup(fileobj), events, data)
        if key.fd in self._fd_to_key:
            raise KeyError("{!r} (FD {}) is already registered".format(fileobj, key.fd))
        self._fd_to_key[key.fd] = key
        return key

    def unregister(self, fileobj):
        try:
            key = self._fd_to_key.pop(self._fileobj_lookup(fileobj))
        except KeyError:
            raise KeyError("{!r} is not registered".format(fileobj)) from None
        return key

    def modify(self, fileobj, events, data=None):
        try:
            key = self._fd_to_key[self._fileobj_lookup(fileobj)]
        except KeyError:
            raise KeyError("{!r} is not registered".format(fileobj)) from None
        if events != key.events:
            self.unregister(fileobj)
            key = self.register(fileobj, events, data)
        elif data != key.data:
            key = key._replace(data=data)
            self._fd_to_key[key.fd] = key
        return key

    def select(self, timeout=None):
        if timeout is not None and timeout < 0:
            timeout = 0
        keys = list(self._fd_to_key.values())
        reading = [key.fileobj for key in keys if key.events & EVENT_READ]
        writing = [key.fileobj for key in keys if key.events & EVENT_WRITE]
        if not keys and timeout is None:
            raise ValueError("gilsim: select() with nothing registered and no timeout waits forever")
        readable, writable, _ = _socket.socket._select(reading, writing, timeout)
        ready = []
        for key in keys:
            events = 0
            if key.fileobj in readable:
                events |= EVENT_READ
            if key.fileobj in writable:
                events |= EVENT_WRITE
            if events:
                ready.append((key, events & key.events))
        return ready

    def close(self):
        self._fd_to_key.clear()
        self._map = None

    def get_key(self, fileobj):
        mapping = self.get_map()
        if mapping is None:
            raise RuntimeError("Selector is closed")
        try:
            return mapping[fileobj]
        except KeyError:
            raise KeyError("{!r} is not registered".format(fileobj)) from None

    def get_map(self):
        return self._map

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


class SelectSelector(BaseSelector):
    pass


class PollSelector(BaseSelector):
    pass


class EpollSelector(BaseSelector):
    pass


DefaultSelector = EpollSelector
