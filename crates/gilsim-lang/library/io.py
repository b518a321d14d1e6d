# io: in-memory text streams and files. `StringIO` behaves as CPython's (_pyio.StringIO with
# newline="\n"): one buffer and a position; write() overwrites from the position (padding
# with NULs past the end), read()/readline() advance it, iteration yields lines, and every
# operation on a closed stream raises ValueError. open() and its file objects are below.
import _gilsim


class UnsupportedOperation(OSError, ValueError):
    pass


SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class _Lines(object):
    # What every stream does with lines (CPython's IOBase): readlines up to a size hint,
    # writelines, and iteration by readline.
    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint < total:
                return lines

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line


class StringIO(_Lines):
    __module__ = "_io"
    _NUL = "\0"
    _NEWLINE = "\n"

    def __init__(self, initial_value="", newline="\n"):
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s" % type(initial_value).__name__)
        self._buffer = initial_value
        self._pos = 0
        self._closed = False

    def _check_open(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def getvalue(self):
        self._check_open()
        return self._buffer

    def _check_data(self, s):
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)

    def write(self, s):
        self._check_open()
        self._check_data(s)
        n = len(s)
        if n:
            # The stream lets go of its buffer while it writes: a buffer nothing else holds
            # (no getvalue() kept it) then grows in place, as CPython's StringIO accumulates
            # writes at its end, instead of being copied whole on every write.
            buffer = self._buffer
            self._buffer = ""
            pos = self._pos
            size = len(buffer)
            if pos == size:
                buffer += s
            else:
                if pos > size:
                    buffer += self._NUL * (pos - size)
                buffer = buffer[:pos] + s + buffer[pos + n:]
            self._buffer = buffer
            self._pos = pos + n
        return n

    def read(self, size=-1):
        self._check_open()
        if size is None or size < 0:
            end = len(self._buffer)
        else:
            end = min(self._pos + size, len(self._buffer))
        start = min(self._pos, len(self._buffer))
        self._pos = max(self._pos, end)
        return self._buffer[start:end]

    def readline(self, size=-1):
        self._check_open()
        buffer = self._buffer
        start = min(self._pos, len(buffer))
        newline = buffer.find(self._NEWLINE, start)
        end = len(buffer) if newline < 0 else newline + 1
        if size is not None and size >= 0:
            end = min(end, start + size)
        self._pos = max(self._pos, end)
        return buffer[start:end]

    def seek(self, pos, whence=0):
        self._check_open()
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._buffer)
        else:
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def tell(self):
        self._check_open()
        return self._pos

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("Negative size value %d" % size)
        self._buffer = self._buffer[:size]
        return size

    def flush(self):
        self._check_open()

    def readable(self):
        self._check_open()
        return True

    def writable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return True

    def isatty(self):
        self._check_open()
        return False

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()


class BytesIO(StringIO):
    __module__ = "_io"
    # The same stream over bytes.
    _NUL = b"\0"
    _NEWLINE = b"\n"

    def __init__(self, initial_bytes=b""):
        if initial_bytes is None:
            initial_bytes = b""
        if not isinstance(initial_bytes, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '%s'" % type(initial_bytes).__name__)
        self._buffer = bytes(initial_bytes)
        self._pos = 0
        self._closed = False

    def _check_data(self, b):
        if not isinstance(b, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)


# ---- files -------------------------------------------------------------------------------
# open() and the file objects it returns, over the run's simulated file system (the machine's
# files start empty and live only for the run; _gilsim.fs_* in modules/files.rs). Writes go
# through to the file at once (CPython's buffer is flushed by close() or when the object is
# freed; gilsim has no finaliser to do the latter, so it never holds data back), reads see
# the file as it is at the call.

def _closed_file():
    raise ValueError("I/O operation on closed file.")


class _File(_Lines):
    def __init__(self, name, key, mode, flags):
        self.name = name
        self.mode = mode
        self._key = key
        self._readable = "r" in flags or "+" in flags
        self._writable = "r" not in flags or "+" in flags
        self._append = "a" in flags
        self._offset = _gilsim.fs_size(key) if self._append else 0
        self._closed = False

    @property
    def closed(self):
        return self._closed

    def _check(self, need=None):
        if self._closed:
            _closed_file()
        if need == "r" and not self._readable:
            raise UnsupportedOperation("not readable")
        if need == "w" and not self._writable:
            raise UnsupportedOperation("not writable")

    def _write_bytes(self, data):
        if self._append:
            self._offset = _gilsim.fs_size(self._key)
        self._offset = _gilsim.fs_write(self._key, self._offset, data)

    def _rest(self):
        return _gilsim.fs_read(self._key, self._offset)

    def _take_line(self, data, size):
        newline = data.find(b"\n")
        end = len(data) if newline < 0 else newline + 1
        if size is not None and 0 <= size < end:
            end = size
        return data[:end]

    def _check_open(self):
        self._check()

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek position %d" % pos)
            self._offset = pos
        elif whence == 1:
            self._offset = max(0, self._offset + pos)
        elif whence == 2:
            self._offset = max(0, _gilsim.fs_size(self._key) + pos)
        else:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._offset

    def tell(self):
        self._check()
        return self._offset

    def truncate(self, size=None):
        self._check("w")
        if size is None:
            size = self._offset
        _gilsim.fs_truncate(self._key, size)
        return size

    def flush(self):
        self._check()

    def close(self):
        self._closed = True

    def readable(self):
        self._check()
        return self._readable

    def writable(self):
        self._check()
        return self._writable

    def seekable(self):
        self._check()
        return True

    def isatty(self):
        self._check()
        return False

    def fileno(self):
        self._check()
        return 3

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.close()


class TextIOWrapper(_File):
    __module__ = "_io"

    def __init__(self, name, key, mode, flags, encoding, errors, newline):
        _File.__init__(self, name, key, mode, flags)
        self.encoding = "UTF-8" if encoding is None else encoding
        self.errors = "strict" if errors is None else errors
        self._newline = newline
        "".encode(self.encoding)

    def write(self, s):
        self._check("w")
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        text = s
        if self._newline not in (None, "", "\n"):
            text = text.replace("\n", self._newline)
        self._write_bytes(text.encode(self.encoding, self.errors))
        return len(s)

    def _text(self, data):
        text = data.decode(self.encoding, self.errors)
        if self._newline is None:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return text

    def read(self, size=-1):
        self._check("r")
        data = self._rest()
        if size is not None and size >= 0:
            text = data.decode(self.encoding, self.errors)[:size]
            data = text.encode(self.encoding, self.errors)
        self._offset += len(data)
        return self._text(data)

    def readline(self, size=-1):
        self._check("r")
        line = self._take_line(self._rest(), None)
        text = line.decode(self.encoding, self.errors)
        if size is not None and 0 <= size < len(text):
            text = text[:size]
            line = text.encode(self.encoding, self.errors)
        self._offset += len(line)
        return self._text(line)

    def __repr__(self):
        return "<_io.TextIOWrapper name=%r mode=%r encoding=%r>" % (self.name, self.mode, self.encoding)


class _Buffered(_File):
    def write(self, b):
        self._check("w")
        if not isinstance(b, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)
        self._write_bytes(bytes(b))
        return len(b)

    def read(self, size=-1):
        self._check("r")
        data = self._rest()
        if size is not None and size >= 0:
            data = data[:size]
        self._offset += len(data)
        return data

    def readline(self, size=-1):
        self._check("r")
        line = self._take_line(self._rest(), size)
        self._offset += len(line)
        return line

    def __repr__(self):
        return "<_io.%s name=%r>" % (type(self).__name__, self.name)


class BufferedReader(_Buffered):
    __module__ = "_io"


class BufferedWriter(_Buffered):
    __module__ = "_io"


class BufferedRandom(_Buffered):
    __module__ = "_io"


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    if not isinstance(file, str) and hasattr(file, "__fspath__"):
        file = file.__fspath__()
    if not isinstance(file, str):
        raise TypeError("expected str, bytes or os.PathLike object, not %s" % type(file).__name__)
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not %s" % type(mode).__name__)
    flags = set(mode)
    if flags - set("axrwb+t") or len(mode) > len(flags):
        raise ValueError("invalid mode: %r" % mode)
    kinds = [c for c in "xrwa" if c in flags]
    if "t" in flags and "b" in flags:
        raise ValueError("can't have text and binary mode at once")
    if len(kinds) > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if not kinds:
        raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
    if "b" in flags and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if "b" in flags and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if "b" in flags and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if newline not in (None, "", "\n", "\r", "\r\n"):
        raise ValueError("illegal newline value: %s" % newline)
    key = _gilsim.fs_open(file, kinds[0])
    if "b" not in flags:
        return TextIOWrapper(file, key, mode, flags, encoding, errors, newline)
    if "+" in flags:
        return BufferedRandom(file, key, mode, flags)
    if "r" in flags:
        return BufferedReader(file, key, mode, flags)
    return BufferedWriter(file, key, mode, flags)
