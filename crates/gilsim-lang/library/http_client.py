# gilsim's `http.client`: HTTPConnection and HTTPResponse over the simulated sockets (HTTP/1.1
# requests with Content-Length bodies; responses read to their Content-Length or to the end of
# the connection), and HTTPMessage, the case-insensitive header map responses and requests
# carry. The simulated network reaches only this process (see socket.py).
import http
import socket

__all__ = ["HTTPConnection", "HTTPResponse", "HTTPMessage", "HTTPException", "responses",
           "HTTP_PORT", "HTTPS_PORT", "RemoteDisconnected", "BadStatusLine"]

HTTP_PORT = 80
HTTPS_PORT = 443
_DEFAULT_TIMEOUT = object()  # socket's global default (socket._GLOBAL_DEFAULT_TIMEOUT in CPython)


responses = {status: status.phrase for status in http.HTTPStatus.__members__.values()}


class HTTPException(Exception):
    pass


class BadStatusLine(HTTPException):
    def __init__(self, line):
        if not line:
            line = repr(line)
        self.args = (line,)
        self.line = line


class RemoteDisconnected(ConnectionResetError):
    # CPython's is a BadStatusLine too.
    line = "''"


class HTTPMessage:
    def __init__(self):
        self._headers = []

    def add(self, name, value):
        self._headers.append((name, value))

    def get(self, name, failobj=None):
        for key, value in self._headers:
            if key.lower() == name.lower():
                return value
        return failobj

    def get_all(self, name, failobj=None):
        values = [v for k, v in self._headers if k.lower() == name.lower()]
        return values or failobj

    def __getitem__(self, name):
        return self.get(name)

    def __contains__(self, name):
        return any(k.lower() == name.lower() for k, _ in self._headers)

    def __setitem__(self, name, value):
        self._headers.append((name, value))

    def __delitem__(self, name):
        self._headers = [(k, v) for k, v in self._headers if k.lower() != name.lower()]

    def __len__(self):
        return len(self._headers)

    def __iter__(self):
        return iter(self.keys())

    def keys(self):
        return [k for k, _ in self._headers]

    def values(self):
        return [v for _, v in self._headers]

    def items(self):
        return list(self._headers)

    def get_content_type(self):
        value = self.get("content-type", "text/plain")
        return value.split(";")[0].strip().lower()

    def get_content_charset(self, failobj=None):
        for part in self.get("content-type", "").split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset":
                return value.strip('"').lower()
        return failobj

    def as_string(self):
        return "".join(f"{k}: {v}\n" for k, v in self._headers) + "\n"

    __str__ = as_string


def parse_headers(fp):
    """Header lines of `fp` (a file of bytes) up to the blank line, as an HTTPMessage."""
    message = HTTPMessage()
    while True:
        line = fp.readline(65537)
        if line in (b"\r\n", b"\n", b""):
            return message
        name, _, value = line.decode("iso-8859-1").partition(":")
        message.add(name.strip(), value.strip())


class HTTPResponse:
    def __init__(self, sock, method=None, url=None):
        self.fp = sock.makefile("rb")
        self._method = method
        self.url = url
        self.closed = False
        line = self.fp.readline(65537).decode("iso-8859-1")
        if not line:
            raise RemoteDisconnected("Remote end closed connection without response")
        version, _, rest = line.strip().partition(" ")
        code, _, reason = rest.partition(" ")
        if not version.startswith("HTTP/") or not code.isdigit():
            raise BadStatusLine(line)
        self.version = 11 if version == "HTTP/1.1" else 10
        self.status = self.code = int(code)
        self.reason = reason
        self.headers = self.msg = parse_headers(self.fp)
        length = self.headers.get("content-length")
        self.length = int(length) if length is not None else None
        if method == "HEAD" or self.status in (204, 304) or 100 <= self.status < 200:
            self.length = 0

    def read(self, amt=None):
        if self.closed:
            return b""
        if self.length is None:
            data = self.fp.read() if amt is None or amt < 0 else self.fp.read(amt)
        else:
            wanted = self.length if amt is None or amt < 0 else min(amt, self.length)
            data = self.fp.read(wanted)
            self.length -= len(data)
        if amt is None or amt < 0 or not data:
            self.close()
        return data

    def readline(self, limit=-1):
        line = self.fp.readline(limit)
        if self.length is not None:
            self.length -= len(line)
        return line

    def readlines(self, hint=-1):
        return list(iter(self.readline, b""))

    def __iter__(self):
        return iter(self.readline, b"")

    def getheader(self, name, default=None):
        return self.headers.get(name, default)

    def getheaders(self):
        return self.headers.items()

    def getcode(self):
        return self.status

    def geturl(self):
        return self.url

    def info(self):
        return self.headers

    def close(self):
        if not self.closed:
            self.closed = True
            self.fp.close()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


class HTTPConnection:
    default_port = HTTP_PORT

    def __init__(self, host, port=None, timeout=_DEFAULT_TIMEOUT, source_address=None):
        if port is None:
            host, colon, port_text = host.rpartition(":") if ":" in host else (host, "", "")
            port = int(port_text) if colon and port_text else self.default_port
        self.host = host
        self.port = port
        self.timeout = timeout
        self.source_address = source_address
        self.sock = None
        self._headers = []

    def connect(self):
        if self.timeout is _DEFAULT_TIMEOUT:
            self.sock = socket.create_connection((self.host, self.port), source_address=self.source_address)
        else:
            self.sock = socket.create_connection((self.host, self.port), self.timeout, self.source_address)

    def request(self, method, url, body=None, headers={}):
        if self.sock is None:
            self.connect()
        if isinstance(body, str):
            body = body.encode("iso-8859-1")
        lines = [f"{method} {url} HTTP/1.1"]
        names = {k.lower() for k in headers}
        if "host" not in names:
            lines.append(f"Host: {self.host}" + ("" if self.port == self.default_port else f":{self.port}"))
        if "accept-encoding" not in names:
            lines.append("Accept-Encoding: identity")
        for name, value in headers.items():
            lines.append(f"{name}: {value}")
        if body is not None and "content-length" not in names:
            lines.append(f"Content-Length: {len(body)}")
        self._method = method
        self._url = url
        self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("iso-8859-1") + (body or b""))

    def getresponse(self):
        return HTTPResponse(self.sock, self._method, self._url)

    def close(self):
        if self.sock is not None:
            self.sock.close()
            self.sock = None
