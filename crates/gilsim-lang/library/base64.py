# base64 in Python: the RFC 4648 Base64 and Base16 encodings of Lib/base64.py (standard and
# URL-safe alphabets), with CPython's messages for bad input. Errors are binascii.Error, a
# ValueError.
import _gilsim
import binascii
from _gilsim_base64 import decode as _decode_base64, encode as _encode_base64

__all__ = [
    "b64encode", "b64decode", "standard_b64encode", "standard_b64decode",
    "urlsafe_b64encode", "urlsafe_b64decode", "b16encode", "b16decode",
    "encodebytes", "decodebytes",
]

_STANDARD = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _bytes_from_encoded(s):
    if isinstance(s, str):
        try:
            return s.encode("ascii")
        except UnicodeEncodeError:
            raise ValueError("string argument should contain only ASCII characters")
    if isinstance(s, bytes):
        return s
    if isinstance(s, bytearray):
        return bytes(s)
    raise TypeError("argument should be a bytes-like object or ASCII string, not '%s'" % type(s).__name__)


def _data(s):
    if isinstance(s, bytes):
        return s
    if isinstance(s, bytearray):
        return bytes(s)
    raise TypeError("a bytes-like object is required, not '%s'" % type(s).__name__)


def b64encode(s, altchars=None):
    encoded = _encode_base64(_data(s))
    if altchars is not None:
        return encoded.translate(bytes.maketrans(b"+/", _data(altchars)[:2]))
    return encoded


def _plain_base64(data):
    # What 3.6-3.10 check with re.fullmatch(b'[A-Za-z0-9+/]*={0,2}', s) when validating.
    body = data[:-2].rstrip(b"=") if data.endswith(b"==") else data.rstrip(b"=")
    return len(data) - len(body) <= 2 and all(c in _STANDARD for c in body)


def b64decode(s, altchars=None, validate=False):
    data = _bytes_from_encoded(s)
    if altchars is not None:
        data = data.translate(bytes.maketrans(_bytes_from_encoded(altchars)[:2], b"+/"))
    if _gilsim.version >= (3, 11):
        return _decode_base64(data, validate)
    if validate and not _plain_base64(data):
        raise binascii.Error("Non-base64 digit found")
    return _decode_base64(data, False)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


def urlsafe_b64encode(s):
    return b64encode(s, b"-_")


def urlsafe_b64decode(s):
    return b64decode(s, b"-_")


def encodebytes(s):
    data = _data(s)
    return b"".join(_encode_base64(data[i:i + 57]) + b"\n" for i in range(0, len(data), 57))


def decodebytes(s):
    return _decode_base64(_data(s), False)


def b16encode(s):
    return _data(s).hex().upper().encode("ascii")


def b16decode(s, casefold=False):
    data = _bytes_from_encoded(s)
    if casefold:
        data = data.upper()
    for c in data:
        if c not in b"0123456789ABCDEF":
            raise binascii.Error("Non-base16 digit found")
    if len(data) % 2:
        raise binascii.Error("Odd-length string")
    return bytes.fromhex(data.decode("ascii"))


if _gilsim.version < (3, 0):
    # Python 2's str is its bytes: taken as Latin-1 code points and given back so. Its
    # decoders raise TypeError for bad input (binascii.Error for decodestring), and it names
    # the line-wrapping pair encodestring/decodestring.
    _b64encode, _b64decode, _b16encode, _b16decode = b64encode, b64decode, b16encode, b16decode

    def _latin1(s):
        return s.encode("latin-1") if isinstance(s, str) else s

    def b64encode(s, altchars=None):
        altchars = None if altchars is None else _latin1(altchars)
        return _b64encode(_latin1(s), altchars).decode("latin-1")

    def b64decode(s, altchars=None):
        altchars = None if altchars is None else _latin1(altchars)
        try:
            return _b64decode(_latin1(s), altchars).decode("latin-1")
        except binascii.Error as error:
            raise TypeError(str(error))

    def standard_b64encode(s):
        return b64encode(s)

    def standard_b64decode(s):
        return b64decode(s)

    def urlsafe_b64encode(s):
        return b64encode(s, "-_")

    def urlsafe_b64decode(s):
        return b64decode(s, "-_")

    def b16encode(s):
        return _b16encode(_latin1(s)).decode("latin-1")

    def b16decode(s, casefold=False):
        try:
            return _b16decode(_latin1(s), casefold).decode("latin-1")
        except binascii.Error as error:
            raise TypeError(str(error))

    def encodestring(s):
        data = _latin1(s)
        return "".join(b64encode(data[i:i + 57]) + "\n" for i in range(0, len(data), 57))

    def decodestring(s):
        return _b64decode(_latin1(s), None).decode("latin-1")

    del encodebytes, decodebytes
