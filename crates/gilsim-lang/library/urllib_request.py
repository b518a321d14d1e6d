# gilsim's `urllib.request`: urlopen and Request over http.client and the simulated network.
# A host name that is not local fails as CPython fails on a machine without a network
# (`URLError(gaierror(-2, 'Name or service not known'))`), a local port nobody listens on is
# `URLError(ConnectionRefusedError(111, ...))`, and an error status is an HTTPError. Only
# http: URLs reach a server (https: and ftp: ones fail once their host resolves); no proxies,
# cookies or redirects.
import socket
import _gilsim
from http.client import HTTPConnection
from urllib.error import URLError, HTTPError
from urllib.parse import urlsplit

__all__ = ["Request", "urlopen"]

_DEFAULT_TIMEOUT = object()


class Request:
    def __init__(self, url, data=None, headers={}, origin_req_host=None, unverifiable=False,
                 method=None):
        self.full_url = url
        self.data = data
        self.headers = {}
        for key, value in headers.items():
            self.add_header(key, value)
        self.method = method
        self.unverifiable = unverifiable

    @property
    def full_url(self):
        return self._full_url + ("#" + self.fragment if self.fragment else "")

    @full_url.setter
    def full_url(self, url):
        self._full_url, _, self.fragment = url.partition("#")
        parts = urlsplit(self._full_url)
        if not parts.scheme:
            raise ValueError("unknown url type: %r" % self._full_url)
        self.type = parts.scheme
        self.host = parts.netloc
        self.selector = (parts.path or "/") + ("?" + parts.query if parts.query else "")

    def get_method(self):
        if self.method is not None:
            return self.method
        return "POST" if self.data is not None else "GET"

    def get_full_url(self):
        return self.full_url

    def add_header(self, key, val):
        self.headers[key.capitalize()] = val

    def has_header(self, header_name):
        return header_name in self.headers

    def get_header(self, header_name, default=None):
        return self.headers.get(header_name, default)

    def header_items(self):
        return list(self.headers.items())


def urlopen(url, data=None, timeout=_DEFAULT_TIMEOUT, **kwargs):
    request = url if isinstance(url, Request) else Request(url, data)
    if data is not None:
        request.data = data
    if request.type not in ("http", "https", "ftp"):
        raise URLError("unknown url type: %s" % request.type)
    if not request.host:
        raise URLError("no host given")
    parts = urlsplit(request._full_url)
    try:
        socket.gethostbyname(parts.hostname or "")
    except OSError as err:
        raise URLError(err) from None
    if request.type != "http":
        raise URLError("gilsim: %s is not simulated" % request.type)
    if timeout is _DEFAULT_TIMEOUT:
        connection = HTTPConnection(request.host)
    else:
        connection = HTTPConnection(request.host, timeout=timeout)
    headers = {"User-Agent": "Python-urllib/%d.%d" % _gilsim.version, "Connection": "close"}
    headers.update(request.headers)
    body = request.data
    if body is not None and "Content-type" not in request.headers:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        connection.request(request.get_method(), request.selector, body, headers)
        response = connection.getresponse()
    except OSError as err:
        connection.close()
        raise URLError(err) from None
    response.url = request.full_url
    if not 200 <= response.status < 300:
        raise HTTPError(request.full_url, response.status, response.reason, response.headers, response)
    return response
