# The Base64 core that binascii and base64 share (C in CPython's binascii), on bytes in and
# out whatever the version (binascii gives Python 2's str on top), and binascii.Error, which
# its decoder raises.
import _gilsim

_BASE64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_BASE64_VALUES = {c: i for i, c in enumerate(_BASE64)}


class Error(ValueError):
    __module__ = "binascii"


def encode(data):
    # Standard Base64, padded.
    out = bytearray()
    whole = len(data) - len(data) % 3
    for i in range(0, whole, 3):
        n = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out += bytes((_BASE64[n >> 18], _BASE64[(n >> 12) & 63], _BASE64[(n >> 6) & 63], _BASE64[n & 63]))
    rest = len(data) - whole
    if rest == 1:
        n = data[-1] << 16
        out += bytes((_BASE64[n >> 18], _BASE64[(n >> 12) & 63], 61, 61))
    elif rest == 2:
        n = (data[-2] << 16) | (data[-1] << 8)
        out += bytes((_BASE64[n >> 18], _BASE64[(n >> 12) & 63], _BASE64[(n >> 6) & 63], 61))
    return bytes(out)


def decode(data, strict_mode):
    # Outside strict mode what is not in the alphabet is skipped, and what follows complete
    # padding is ignored.
    if strict_mode and data[:1] == b"=":
        raise Error("Leading padding not allowed")
    digits = []
    padding = 0
    for i, c in enumerate(data):
        if c == 61:
            padding += 1
            if len(digits) % 4 and padding >= 4 - len(digits) % 4:
                # The last quantum is complete: what follows is ignored, or refused.
                if strict_mode and i + 1 < len(data):
                    raise Error("Excess data after padding")
                break
            continue
        value = _BASE64_VALUES.get(c)
        if value is not None:
            if padding and strict_mode:
                raise Error("Discontinuous padding not allowed")
            padding = 0
            digits.append(value)
        elif strict_mode:
            raise Error("Only base64 data is allowed")
    if len(digits) % 4 == 1:
        if _gilsim.version >= (3, 7):
            raise Error(
                "Invalid base64-encoded string: number of data characters (%d) cannot be 1 more "
                "than a multiple of 4" % len(digits)
            )
        raise Error("Incorrect padding")
    if len(digits) % 4 and padding < 4 - len(digits) % 4:
        raise Error("Incorrect padding")
    out = bytearray()
    for i in range(0, len(digits), 4):
        chunk = digits[i:i + 4]
        n = 0
        for d in chunk:
            n = (n << 6) | d
        n <<= 6 * (4 - len(chunk))
        out += bytes(((n >> 16) & 255, (n >> 8) & 255, n & 255)[: len(chunk) - 1])
    return bytes(out)
