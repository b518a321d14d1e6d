# gilsim's `socket` module: a network inside the simulated process. TCP and UDP sockets on
# the loopback addresses (127.0.0.0/8, "localhost", the wildcard "0.0.0.0") connect to each
# other with the errors and messages of CPython on Linux; nothing reaches the host's network.
#
# One Condition guards every socket of the process: a blocking call (accept, recv, recvfrom, a
# full read of a makefile) waits on it under the socket's timeout, so the scheduler sees socket
# waits as it sees any other and a server nobody connects to is a hang with a wait-for graph.
# A connection is a pair of endpoints, each with the bytes not yet received. Ephemeral ports
# count up from 40000, and a descriptor is the lowest free one from 3, as on Linux: the same in
# every run. What is modelled of TCP: a connect completes at once if something listens (the
# kernel's backlog), refused otherwise; close() or shutdown(SHUT_WR) is the peer's end of file;
# the first send to a closed peer is discarded and later ones raise BrokenPipeError, as Linux's
# reset does. Blocked calls are not woken by close() from another thread (Linux's accept and
# recv are not either); shutdown() wakes them. The network does not join processes: a socket
# made in one simulated process and used in another (a child started after it) is an error.
import threading
import _gilsim
from os import getpid as _getpid, strerror as _strerror
from time import monotonic as _time
from enum import IntEnum


class AddressFamily(IntEnum):
    AF_UNSPEC = 0
    AF_UNIX = 1
    AF_INET = 2
    AF_INET6 = 10


class SocketKind(IntEnum):
    SOCK_STREAM = 1
    SOCK_DGRAM = 2
    SOCK_RAW = 3


AF_UNSPEC = AddressFamily.AF_UNSPEC
AF_UNIX = AddressFamily.AF_UNIX
AF_INET = AddressFamily.AF_INET
AF_INET6 = AddressFamily.AF_INET6
SOCK_STREAM = SocketKind.SOCK_STREAM
SOCK_DGRAM = SocketKind.SOCK_DGRAM
SOCK_RAW = SocketKind.SOCK_RAW
SOL_SOCKET = 1
SO_REUSEADDR = 2
SO_ERROR = 4
SO_BROADCAST = 6
SO_SNDBUF = 7
SO_RCVBUF = 8
SO_KEEPALIVE = 9
SO_REUSEPORT = 15
IPPROTO_IP = 0
IPPROTO_TCP = 6
IPPROTO_UDP = 17
TCP_NODELAY = 1
SHUT_RD = 0
SHUT_WR = 1
SHUT_RDWR = 2
SOMAXCONN = 4096
INADDR_ANY = 0
AI_PASSIVE = 1
MSG_PEEK = 2

_PY2 = _gilsim.version < (3, 0)

# From 3.3 socket.error is OSError, whose constructor picks the subclass of an errno
# (ConnectionRefusedError for 111, BrokenPipeError for 32, BlockingIOError for 11).
if _PY2:
    class error(IOError):
        pass
else:
    error = OSError


class herror(error):
    pass


class gaierror(error):
    pass


if _gilsim.version >= (3, 10):
    timeout = TimeoutError
else:
    class timeout(error):
        pass

_GLOBAL_DEFAULT_TIMEOUT = object()
_default_timeout = None
_net = threading.Condition()
_bound = {}  # (kind, port) -> [sockets bound to it]
_next_port = [40000]
_next_fd = [3]  # the lowest descriptor never used
_free_fds = []  # descriptors closed since
_HOSTNAME = "gilsim"


def _ephemeral_port(kind):
    while (kind, _next_port[0]) in _bound:
        _next_port[0] += 1
    port = _next_port[0]
    _next_port[0] += 1
    return port


def _new_fd():
    """The lowest free descriptor, as Linux gives."""
    if _free_fds:
        _free_fds.sort()
        return _free_fds.pop(0)
    _next_fd[0] += 1
    return _next_fd[0] - 1


def _resolve(host):
    """The IPv4 address of `host` on the simulated machine."""
    if not isinstance(host, str):
        raise TypeError(f"str, bytes or bytearray expected, not {type(host).__name__}")
    if host in ("", "0.0.0.0"):
        return "0.0.0.0"
    if host in ("localhost", "localhost.localdomain"):
        return "127.0.0.1"
    if host == _HOSTNAME:
        return "127.0.1.1"
    parts = host.split(".")
    if len(parts) == 4 and all(p.isdigit() and int(p) < 256 for p in parts):
        return host
    raise gaierror(-2, "Name or service not known")


def _address(address, what="address"):
    if not isinstance(address, tuple):
        raise TypeError(f"AF_INET {what} must be tuple, not {type(address).__name__}")
    if len(address) != 2:
        raise TypeError(f"AF_INET {what} must be a pair (host, port)")
    host, port = address
    if not isinstance(port, int):
        raise TypeError(f"'{type(port).__name__}' object cannot be interpreted as an integer")
    if not 0 <= port <= 65535:
        raise OverflowError(f"{'bind()' if what == 'address' else 'connect()'}: port must be 0-65535.")
    return _resolve(host), port


def _is_local(ip):
    return ip.startswith("127.") or ip == "0.0.0.0"


def _find(kind, ip, port):
    """The socket bound to (ip, port) that a packet or connection to it reaches, or None."""
    for sock in _bound.get((kind, port), ()):
        if sock._local[0] in ("0.0.0.0", ip):
            _same_process(sock)
            return sock
    return None


def _same_process(sock):
    if sock._pid != _getpid():
        raise error(95, "Operation not supported: gilsim's simulated network does not connect "
                        f"processes (this socket belongs to process {sock._pid})")


def _bytes_like(data):
    """`data` as bytes (Python 2's str is its bytes)."""
    if _PY2 and isinstance(data, str):
        return data.encode("latin-1")
    if isinstance(data, bytearray):
        return bytes(data)
    if not isinstance(data, bytes):
        raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")
    return data


def _received(data):
    """What a recv returns: bytes, or Python 2's str."""
    return data.decode("latin-1") if _PY2 else data


class socket:
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        self.family = AddressFamily(AF_INET if family == -1 else family)
        self.type = SocketKind(SOCK_STREAM if type == -1 else type)
        self.proto = 0 if proto == -1 else proto
        self._fd = _new_fd() if fileno is None else fileno
        self._pid = _getpid()
        self._timeout = _default_timeout
        self._options = {}
        self._local = None
        self._port_key = None  # (kind, port) in _bound, for a socket bound to a port of its own
        self._state = "new"  # new, listening, connected, closed
        self._peer = None
        self._pending = []  # listening: endpoints not yet accepted
        self._backlog = 0
        self._inbox = []  # connected: bytes not yet received; UDP: (data, address)
        self._eof = False  # the peer closed or shut down writing
        self._read_shut = False
        self._write_shut = False
        self._reset = False  # a send reached a closed peer
        self._peer_address = None  # UDP: where connect() pointed it

    def __repr__(self):
        closed = self._state == "closed"
        s = (f"<{type(self).__module__}.{type(self).__qualname__}{' [closed]' if closed else ''} "
             f"fd={self.fileno()}, family={str(self.family)}, type={str(self.type)}, proto={self.proto}")
        if not closed:
            s += f", laddr={self.getsockname()}"
            if self._state == "connected":
                s += f", raddr={self.getpeername()}"
        return s + ">"

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def fileno(self):
        return -1 if self._state == "closed" else self._fd

    def _check_open(self):
        if self._state == "closed":
            raise error(9, "Bad file descriptor")
        _same_process(self)

    def _deadline(self):
        return None if self._timeout is None else _time() + self._timeout

    def _wait(self, ready, deadline):
        """Wait on the network, under its lock, until `ready()`; the socket's timeout."""
        while not ready():
            if deadline is None:
                _net.wait()
                continue
            if self._timeout == 0.0:
                raise error(11, "Resource temporarily unavailable")
            remaining = deadline - _time()
            if remaining <= 0:
                raise timeout("timed out")
            _net.wait(remaining)

    # Options and timeouts.
    def setsockopt(self, level, option, value, optlen=None):
        self._check_open()
        self._options[(level, option)] = value

    def getsockopt(self, level, option, buflen=None):
        self._check_open()
        return self._options.get((level, option), 0)

    def settimeout(self, value):
        if value is not None:
            if value < 0:
                raise ValueError("Timeout value out of range")
            value = float(value)
        self._timeout = value

    def gettimeout(self):
        return self._timeout

    def setblocking(self, flag):
        self._timeout = None if flag else 0.0

    def getblocking(self):
        return self._timeout != 0.0

    # Addresses.
    def bind(self, address):
        self._check_open()
        ip, port = _address(address)
        with _net:
            if self._local is not None:
                raise error(22, "Invalid argument")
            if not _is_local(ip) and ip != "127.0.1.1":
                raise error(99, "Cannot assign requested address")
            self._bind(ip, port)

    def _bind(self, ip, port):
        if port == 0:
            port = _ephemeral_port(self.type)
        for other in _bound.get((self.type, port), ()):
            if "0.0.0.0" in (ip, other._local[0]) or other._local[0] == ip:
                raise error(98, "Address already in use")
        self._local = (ip, port)
        self._port_key = (self.type, port)
        _bound.setdefault(self._port_key, []).append(self)

    def getsockname(self):
        self._check_open()
        return self._local if self._local is not None else ("0.0.0.0", 0)

    def getpeername(self):
        self._check_open()
        if self._state != "connected":
            raise error(107, "Transport endpoint is not connected")
        return self._peer._local

    # Connections.
    def listen(self, backlog=128):
        self._check_open()
        with _net:
            if self.type != SOCK_STREAM:
                raise error(95, "Operation not supported")
            if self._local is None:
                self._bind("0.0.0.0", 0)
            self._state = "listening"
            self._backlog = backlog

    def connect(self, address):
        err = self.connect_ex(address)
        if err:
            raise _connect_error(err)

    def connect_ex(self, address):
        return _syscall(self._connect_ex(address))

    def _connect_ex(self, address):
        self._check_open()
        ip, port = _address(address, "connect")
        with _net:
            if self.type == SOCK_DGRAM:
                if self._local is None:
                    self._bind("0.0.0.0", 0)
                self._peer_address = ("127.0.0.1" if ip == "0.0.0.0" else ip, port)
                return 0
            if self._state == "connected":
                return 106
            if self._state == "listening":
                return 22
            if not _is_local(ip):
                return 101
            server = _find(SOCK_STREAM, ip, port)
            if server is None or server._state != "listening":
                return 111
            if self._local is None:
                self._bind("127.0.0.1", 0)
            end = socket(self.family, self.type, self.proto, fileno=-1)  # its fd comes at accept()
            end._local = ("127.0.0.1" if server._local[0] == "0.0.0.0" else server._local[0], port)
            end._state = "connected"
            end._peer = self
            end._timeout = server._timeout
            self._peer = end
            self._state = "connected"
            server._pending.append(end)
            _net.notify_all()
            # A non-blocking connect has begun, as Linux says even on loopback.
            return 115 if self._timeout == 0.0 else 0

    def accept(self):
        return _syscall(self._accept())

    def _accept(self):
        self._check_open()
        with _net:
            if self._state != "listening":
                raise error(22, "Invalid argument")
            # shutdown() of the listener wakes it (its state goes back to "new"); close() does not.
            self._wait(lambda: self._pending or self._state == "new", self._deadline())
            if not self._pending:
                raise error(22, "Invalid argument")
            end = self._pending.pop(0)
            end._fd = _new_fd()
            end._timeout = _default_timeout
            return end, end._peer._local

    # Data.
    def send(self, data, flags=0):
        return _syscall(self._send(data, flags))

    def _send(self, data, flags=0):
        data = _bytes_like(data)
        self._check_open()
        with _net:
            if self.type == SOCK_DGRAM:
                return self._deliver(data, self._peer_address)
            if self._state != "connected":
                raise error(107, "Transport endpoint is not connected")
            if self._write_shut:
                raise error(32, "Broken pipe")
            peer = self._peer
            if peer._state == "closed" or peer._read_shut:
                if self._reset:
                    raise error(32, "Broken pipe")
                self._reset = True
                return len(data)
            if data:
                peer._inbox.append(data)
                _net.notify_all()
            return len(data)

    def sendall(self, data, flags=0):
        self.send(data, flags)

    def recv(self, bufsize, flags=0):
        return _syscall(self._recv(bufsize, flags))

    def _recv(self, bufsize, flags=0):
        if bufsize < 0:
            raise ValueError("negative buffersize in recv")
        self._check_open()
        with _net:
            if self.type == SOCK_DGRAM:
                return self._next_datagram(bufsize)[0]
            if self._state != "connected":
                raise error(107, "Transport endpoint is not connected")
            self._wait(lambda: self._inbox or self._eof or self._read_shut, self._deadline())
            return _received(self._take(bufsize, flags & MSG_PEEK))

    def _take(self, bufsize, peek=False):
        data = b""
        while self._inbox and len(data) < bufsize:
            chunk = self._inbox[0]
            room = bufsize - len(data)
            data += chunk[:room]
            if peek:
                break
            if len(chunk) > room:
                self._inbox[0] = chunk[room:]
            else:
                self._inbox.pop(0)
        return data

    def _readable(self):
        if self._state == "listening":
            return bool(self._pending)
        return bool(self._inbox) or self._eof or self._read_shut

    @staticmethod
    def _select(rlist, wlist, timeout):
        """select.select's wait (select.py): the sockets of `rlist` a read would not block and
        the open ones of `wlist`, once there are any or `timeout` seconds have passed."""
        deadline = None if timeout is None else _time() + timeout
        with _net:
            while True:
                readable = [s for s in rlist if s._readable()]
                writable = [s for s in wlist if s._state != "closed"]
                if readable or writable:
                    return readable, writable, []
                if deadline is None:
                    _net.wait()
                    continue
                remaining = deadline - _time()
                if remaining <= 0:
                    return [], [], []
                _net.wait(remaining)

    def sendto(self, data, address):
        return _syscall(self._sendto(data, address))

    def _sendto(self, data, address):
        data = _bytes_like(data)
        self._check_open()
        ip, port = _address(address, "connect")
        with _net:
            if self.type != SOCK_DGRAM:
                raise error(106, "Transport endpoint is already connected")
            return self._deliver(data, (ip, port))

    def _deliver(self, data, address):
        if address is None:
            raise error(89, "Destination address required")
        ip, port = address
        if not _is_local(ip):
            raise error(101, "Network is unreachable")
        if self._local is None:
            self._bind("0.0.0.0", 0)
        target = _find(SOCK_DGRAM, "127.0.0.1" if ip == "0.0.0.0" else ip, port)
        if target is not None and target._state != "closed":
            source = ("127.0.0.1" if self._local[0] == "0.0.0.0" else self._local[0], self._local[1])
            target._inbox.append((data, source))
            _net.notify_all()
        return len(data)

    def recvfrom(self, bufsize, flags=0):
        return _syscall(self._recvfrom(bufsize, flags))

    def _recvfrom(self, bufsize, flags=0):
        if bufsize < 0:
            raise ValueError("negative buffersize in recvfrom")
        if self.type != SOCK_DGRAM:
            return self._recv(bufsize, flags), None
        self._check_open()
        with _net:
            return self._next_datagram(bufsize)

    def _next_datagram(self, bufsize):
        if self._local is None:
            self._bind("0.0.0.0", 0)
        self._wait(lambda: self._inbox, self._deadline())
        data, source = self._inbox.pop(0)
        return _received(data[:bufsize]), source

    # Ending.
    def shutdown(self, how):
        self._check_open()
        with _net:
            if how not in (SHUT_RD, SHUT_WR, SHUT_RDWR):
                raise error(22, "Invalid argument")
            if self._state == "listening":
                self._state = "new"
            elif self._state != "connected":
                raise error(107, "Transport endpoint is not connected")
            if how in (SHUT_RD, SHUT_RDWR):
                self._read_shut = True
            if how in (SHUT_WR, SHUT_RDWR) and self._state == "connected":
                self._write_shut = True
                self._peer._eof = True
            _net.notify_all()

    def close(self):
        with _net:
            if self._state == "closed":
                return
            if self._state == "connected":
                self._peer._eof = True
            if self._port_key is not None:
                sharing = _bound[self._port_key]
                sharing.remove(self)
                if not sharing:
                    del _bound[self._port_key]
            self._state = "closed"
            if self._fd is not None and self._fd >= 0:
                _free_fds.append(self._fd)
            _net.notify_all()

    def detach(self):
        fd = self.fileno()
        self.close()
        return fd

    def makefile(self, mode="r", buffering=None, *, encoding=None, errors=None, newline=None):
        return SocketIO(self, mode, encoding)


def _syscall(result):
    """A system call's end: CPython releases the GIL around every socket call, so the thread
    queues for it again (other threads run first) before it goes on with `result`."""
    _gilsim.syscall()
    return result


def _connect_error(err):
    return error(err, _strerror(err))


class SocketIO:
    """What `makefile` returns: reads and writes of bytes, or of str in a text mode; writes
    are sent at flush() and close(), as CPython's buffered writer does."""

    def __init__(self, sock, mode, encoding):
        self._sock = sock
        self._binary = "b" in mode
        self._encoding = encoding or "utf-8"
        self._pending = b""
        self._buffer = b""
        self.closed = False
        self.mode = mode

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def _out(self, data):
        if _PY2:
            return _received(data)
        return data if self._binary else data.decode(self._encoding)

    def write(self, data):
        if self.closed:
            raise ValueError("write to closed file")
        self._pending += _bytes_like(data) if self._binary or _PY2 else data.encode(self._encoding)
        return len(data)

    def flush(self):
        if self._pending:
            data, self._pending = self._pending, b""
            self._sock.sendall(data)

    def _fill(self):
        chunk = _bytes_like(self._sock.recv(8192))
        self._buffer += chunk
        return bool(chunk)

    def readline(self, size=-1):
        while b"\n" not in self._buffer and (size < 0 or len(self._buffer) < size):
            if not self._fill():
                break
        end = self._buffer.find(b"\n") + 1 or len(self._buffer)
        if size >= 0:
            end = min(end, size)
        line, self._buffer = self._buffer[:end], self._buffer[end:]
        return self._out(line)

    def read(self, size=-1):
        while size < 0 or len(self._buffer) < size:
            if not self._fill():
                break
        end = len(self._buffer) if size < 0 else size
        data, self._buffer = self._buffer[:end], self._buffer[end:]
        return self._out(data)

    def readlines(self):
        return list(self)

    def __iter__(self):
        while True:
            line = self.readline()
            if not line:
                return
            yield line

    def close(self):
        if not self.closed:
            self.flush()
            self.closed = True


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0):
    a = socket(family, type, proto)
    b = socket(family, type, proto)
    with _net:
        a._local = ("127.0.0.1", 0)
        b._local = ("127.0.0.1", 0)
        a._state = b._state = "connected"
        a._peer, b._peer = b, a
    return a, b


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None, **kwargs):
    sock = socket(AF_INET, SOCK_STREAM)
    try:
        if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
            sock.settimeout(timeout)
        if source_address:
            sock.bind(source_address)
        sock.connect(address)
        return sock
    except OSError:
        sock.close()
        raise


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False, dualstack_ipv6=False):
    sock = socket(family, SOCK_STREAM)
    try:
        sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128 if backlog is None else backlog)
        return sock
    except OSError:
        sock.close()
        raise


def gethostname():
    return _HOSTNAME


def gethostbyname(hostname):
    return _resolve(hostname)


def getfqdn(name=""):
    name = name.strip()
    if name in ("", "0.0.0.0", "::"):
        return _HOSTNAME
    if name in ("127.0.0.1", "localhost"):
        return "localhost"
    return name


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    ip = "127.0.0.1" if host is None else _resolve(host)
    kinds = [SOCK_STREAM, SOCK_DGRAM, SOCK_RAW] if type == 0 else [SocketKind(type)]
    protos = {SOCK_STREAM: IPPROTO_TCP, SOCK_DGRAM: IPPROTO_UDP, SOCK_RAW: 0}
    return [(AF_INET, kind, protos[kind], "", (ip, int(port or 0))) for kind in kinds]


def getdefaulttimeout():
    return _default_timeout


def setdefaulttimeout(timeout):
    global _default_timeout
    if timeout is not None and timeout < 0:
        raise ValueError("Timeout value out of range")
    _default_timeout = None if timeout is None else float(timeout)


def htons(x):
    return ((x & 0xFF) << 8) | ((x >> 8) & 0xFF)


ntohs = htons


def htonl(x):
    return int.from_bytes(x.to_bytes(4, "little"), "big")


ntohl = htonl


def inet_aton(ip):
    return bytes(int(p) for p in ip.split("."))


def inet_ntoa(packed):
    return ".".join(str(b) for b in packed)
