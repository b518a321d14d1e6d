# base64 in Python: the RFC 4648 Base64 and Base16 encodings of Lib/base64.py (standard and
# URL-safe alphabets), with CPython's messages for bad input. Errors are binascii.Error, a
# ValueError.
import _gilsim
import binascii

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


def _encode(s, alphabet):
    data = _data(s)
    out = []
    for i in range(0, len(data) - len(data) % 3, 3):
        n = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out.extend((alphabet[n >> 18], alphabet[(n >> 12) & 63], alphabet[(n >> 6) & 63], alphabet[n & 63]))
    rest = len(data) % 3
    if rest == 1:
        n = data[-1] << 16
        out.extend((alphabet[n >> 18], alphabet[(n >> 12) & 63], 61, 61))
    elif rest == 2:
        n = (data[-2] << 16) | (data[-1] << 8)
        out.extend((alphabet[n >> 18], alphabet[(n >> 12) & 63], alphabet[(n >> 6) & 63], 61))
    return bytes(out)


def _decode(s, alphabet, validate):
    data = _bytes_from_encoded(s)
    values = {}
    for i in range(64):
        values[alphabet[i]] = i
    digits = []
    padding = 0
    for i, c in enumerate(data):
        if c == 61:
            padding += 1
            if len(digits) % 4 and padding >= 4 - len(digits) % 4:
                # The last quantum is complete: binascii ignores what follows, or refuses it.
                if validate and i + 1 < len(data):
                    raise binascii.Error("Excess data after padding" if _gilsim.version >= (3, 11) else "Non-base64 digit found")
                break
            continue
        if c in values:
            if padding and validate:
                raise binascii.Error("Discontinuous padding not allowed")
            padding = 0
            digits.append(values[c])
        elif validate:
            raise binascii.Error("Only base64 data is allowed" if _gilsim.version >= (3, 11) else "Non-base64 digit found")
    if len(digits) % 4 == 1:
        raise binascii.Error(
            "Invalid base64-encoded string: number of data characters (%d) cannot be 1 more than a multiple of 4"
            % len(digits)
        )
    if len(digits) % 4 and padding < 4 - len(digits) % 4:
        raise binascii.Error("Incorrect padding")
    out = []
    for i in range(0, len(digits), 4):
        chunk = digits[i:i + 4]
        n = 0
        for d in chunk:
            n = (n << 6) | d
        n <<= 6 * (4 - len(chunk))
        out.extend(((n >> 16) & 255, (n >> 8) & 255, n & 255)[: len(chunk) - 1])
    return bytes(out)


def b64encode(s, altchars=None):
    alphabet = _STANDARD
    if altchars is not None:
        alphabet = _STANDARD[:62] + _data(altchars)[:2]
    return _encode(s, alphabet)


def b64decode(s, altchars=None, validate=False):
    alphabet = _STANDARD
    if altchars is not None:
        alphabet = _STANDARD[:62] + _bytes_from_encoded(altchars)[:2]
    return _decode(s, alphabet, validate)


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
    lines = []
    for i in range(0, len(data), 57):
        lines.append(b64encode(data[i:i + 57]) + b"\n")
    return b"".join(lines)


def decodebytes(s):
    return b64decode(_data(s))


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
