# struct: Lib/struct.py over CPython's _struct — pack, unpack, unpack_from, iter_unpack,
# calcsize and Struct objects, on the natives of modules/structs.rs (format parsing, sizes,
# alignment, byte orders and error messages per release).
import _gilsim

__all__ = ["calcsize", "pack", "unpack", "unpack_from", "iter_unpack", "Struct", "error"]


class error(Exception):
    __module__ = "struct"


def _buffer(buffer):
    if isinstance(buffer, bytearray):
        return bytes(buffer)
    if isinstance(buffer, memoryview):
        return buffer.tobytes()
    if not isinstance(buffer, bytes):
        raise TypeError("a bytes-like object is required, not '%s'" % type(buffer).__name__)
    return buffer


def calcsize(format):
    return _gilsim.struct_calcsize(error, format)


def pack(format, *values):
    return _gilsim.struct_pack(error, format, values)


def unpack(format, buffer):
    return _gilsim.struct_unpack(error, format, _buffer(buffer), 0, "unpack")


def unpack_from(format, buffer, offset=0):
    if offset < 0:
        offset += len(buffer)
        if offset < 0:
            raise error("offset %d out of range for %d-byte buffer" % (offset - len(buffer), len(buffer)))
    return _gilsim.struct_unpack(error, format, _buffer(buffer), offset, "unpack_from")


def pack_into(format, buffer, offset, *values):
    try:
        data = _gilsim.struct_pack(error, format, values)
    except error as e:
        text = str(e)
        if not text.startswith("pack expected"):
            raise
        raise error("pack_into" + text[4:]) from None
    if not isinstance(buffer, bytearray) and (not isinstance(buffer, memoryview) or buffer.readonly):
        if _gilsim.version < (3,):
            raise TypeError("argument must be read-write buffer, not %s" % type(buffer).__name__)
        raise TypeError("argument must be read-write bytes-like object, not %s" % type(buffer).__name__)
    size = len(buffer)
    old = _gilsim.version < (3, 7)
    if offset < 0:
        if offset + size < 0 and not old:
            raise error("offset %d out of range for %d-byte buffer" % (offset, size))
        offset += size
    if offset < 0 or size - offset < len(data):
        if old:
            raise error("pack_into requires a buffer of at least %d bytes" % len(data))
        raise error("pack_into requires a buffer of at least %d bytes for packing %d bytes at offset %d "
                    "(actual buffer size is %d)" % (len(data) + offset, len(data), offset, size))
    buffer[offset:offset + len(data)] = data


def _iter_unpack(format, buffer, size):
    for offset in range(0, len(buffer), size):
        yield _gilsim.struct_unpack(error, format, buffer, offset, "unpack_from")


def iter_unpack(format, buffer):
    size = calcsize(format)
    buffer = _buffer(buffer)
    if size == 0:
        raise error("cannot iteratively unpack with a struct of length 0")
    if len(buffer) % size:
        raise error("iterative unpacking requires a buffer of a multiple of %d bytes" % size)
    return _iter_unpack(format, buffer, size)


class Struct:
    __module__ = "_struct" if _gilsim.version >= (3, 9) else "builtins"

    def __init__(self, format):
        self.size = _gilsim.struct_calcsize(error, format)
        if _gilsim.version < (3, 7) and isinstance(format, str):
            format = format.encode()
        elif _gilsim.version >= (3, 7) and isinstance(format, bytes):
            format = format.decode()
        self.format = format

    def pack(self, *values):
        return _gilsim.struct_pack(error, self.format, values)

    def unpack(self, buffer):
        return unpack(self.format, buffer)

    def pack_into(self, buffer, offset, *values):
        pack_into(self.format, buffer, offset, *values)

    def unpack_from(self, buffer, offset=0):
        return unpack_from(self.format, buffer, offset)

    def iter_unpack(self, buffer):
        return iter_unpack(self.format, buffer)

    if _gilsim.version >= (3, 13):
        def __repr__(self):
            return "Struct(%r)" % (self.format,)

