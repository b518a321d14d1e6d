# binascii: conversions between binary data and ASCII encodings, as CPython's C module
# (Modules/binascii.c): hex, Base64, uuencode, CRC-32 and CRC-CCITT. What takes ASCII takes
# an ASCII str too; what takes binary data takes bytes or a bytearray. Errors are
# binascii.Error (a ValueError) with CPython's messages. Not provided: quoted-printable
# (a2b_qp, b2a_qp) and the binhex functions 3.11 removed.
import _gilsim
from _gilsim_base64 import Error, decode as _decode_base64, encode as _encode_base64

__all__ = [
    "Error", "Incomplete", "hexlify", "unhexlify", "b2a_hex", "a2b_hex", "b2a_base64",
    "a2b_base64", "b2a_uu", "a2b_uu", "crc32", "crc_hqx",
]

# Python 2's str is its bytes: taken as Latin-1 code points and given back so.
_PY2 = _gilsim.version < (3, 0)


class Incomplete(Exception):
    __module__ = "binascii"


def _result(data):
    return data.decode("latin-1") if _PY2 else data


def _hex_error(message):
    # Python 2 raised TypeError for bad hex digits.
    return TypeError(message) if _PY2 else Error(message)


def _binary(data):
    # What a function taking binary data reads (CPython's Py_buffer).
    if _PY2 and isinstance(data, str):
        return data.encode("latin-1")
    if isinstance(data, bytes):
        return data
    if isinstance(data, bytearray):
        return bytes(data)
    raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)


def _ascii(data):
    # What a function taking ASCII reads (CPython's ascii_buffer_converter).
    if _PY2 and isinstance(data, str):
        return data.encode("latin-1")
    if isinstance(data, str):
        try:
            return data.encode("ascii")
        except UnicodeEncodeError:
            raise ValueError("string argument should contain only ASCII characters")
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    raise TypeError("argument should be bytes, buffer or ASCII string, not '%s'" % type(data).__name__)


def _hexlify(data, sep=None, bytes_per_sep=1):
    data = _binary(data)
    if sep is None:
        return _result(data.hex().encode("ascii"))
    if isinstance(sep, (bytes, bytearray)):
        sep = bytes(sep).decode("ascii")
    return _result(data.hex(sep, bytes_per_sep).encode("ascii"))


def _hexlify_before_38(data):
    return _result(_binary(data).hex().encode("ascii"))


if _gilsim.version >= (3, 8):
    def hexlify(data, sep=None, bytes_per_sep=1):
        return _hexlify(data, sep, bytes_per_sep)

    def b2a_hex(data, sep=None, bytes_per_sep=1):
        return _hexlify(data, sep, bytes_per_sep)
else:
    def _one_argument(name, args):
        # Before 3.8 the hex functions parse one positional argument (METH_O's message).
        if len(args) != 1:
            raise TypeError("%s() takes exactly one argument (%d given)" % (name, len(args)))
        return args[0]

    def hexlify(*args):
        return _hexlify_before_38(_one_argument("hexlify", args))

    def b2a_hex(*args):
        return _hexlify_before_38(_one_argument("b2a_hex", args))


def unhexlify(hexstr):
    data = _ascii(hexstr)
    if len(data) % 2:
        raise _hex_error("Odd-length string")
    for c in data:
        if c not in b"0123456789abcdefABCDEF":
            raise _hex_error("Non-hexadecimal digit found")
    return _result(bytes.fromhex(data.decode("ascii")))


def a2b_hex(hexstr):
    return unhexlify(hexstr)


def b2a_base64(data, *, newline=True):
    out = _encode_base64(_binary(data))
    return _result(out + b"\n" if newline else out)


if _gilsim.version >= (3, 11):
    def a2b_base64(data, *, strict_mode=False):
        return _result(_decode_base64(_ascii(data), strict_mode))
else:
    def a2b_base64(data):
        return _result(_decode_base64(_ascii(data), False))


def _b2a_uu(data, backtick):
    data = _binary(data)
    if len(data) > 45:
        raise Error("At most 45 bytes at once")
    out = bytearray()
    out.append(96 if backtick and not data else 32 + len(data))
    # Each group of three bytes (the last padded with zeros) is four 6-bit characters.
    padded = data + bytes(-len(data) % 3)
    for i in range(0, len(padded), 3):
        n = (padded[i] << 16) | (padded[i + 1] << 8) | padded[i + 2]
        for shift in (18, 12, 6, 0):
            c = (n >> shift) & 63
            out.append(96 if backtick and not c else 32 + c)
    out.append(10)
    return _result(bytes(out))


if _gilsim.version >= (3, 7):
    def b2a_uu(data, *, backtick=False):
        return _b2a_uu(data, backtick)
else:
    def b2a_uu(data, **keywords):
        if keywords:
            raise TypeError("b2a_uu() takes no keyword arguments")
        return _b2a_uu(data, False)


def a2b_uu(data):
    data = _ascii(data)
    # An empty line reads as a length character of NUL: 32 zero bytes.
    length = ((data[0] if data else 0) - 32) & 63
    out = bytearray()
    bits = 0
    pending = 0
    position = 1
    while len(out) < length:
        c = data[position] if position < len(data) else 0
        position += 1
        if c in (10, 13) or position > len(data):
            # Assume spaces were eaten at the end of the line.
            c = 0
        else:
            if c < 32 or c > 96:
                raise Error("Illegal char")
            c = (c - 32) & 63
        pending = (pending << 6) | c
        bits += 6
        if bits >= 8:
            bits -= 8
            out.append((pending >> bits) & 255)
            pending &= (1 << bits) - 1
    for c in data[position:]:
        if c not in (32, 96, 10, 13):
            raise Error("Trailing garbage")
    return _result(bytes(out))


def crc32(data, value=0):
    crc = _gilsim.crc32(_binary(data), value & 0xFFFFFFFF)
    if _PY2 and crc >= 0x80000000:
        # Python 2's crc32 is a signed 32-bit int.
        return crc - 0x100000000
    return crc


def crc_hqx(*args):
    # CRC-CCITT (polynomial 0x1021, not reflected), as binhex computed it.
    if len(args) != 2:
        if _gilsim.version >= (3, 8):
            raise TypeError("crc_hqx expected 2 arguments, got %d" % len(args))
        raise TypeError("crc_hqx() takes exactly 2 arguments (%d given)" % len(args))
    data = _binary(args[0])
    crc = args[1] & 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc
