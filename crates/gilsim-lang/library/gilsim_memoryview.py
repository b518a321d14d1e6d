# gilsim's built-in `memoryview` (CPython's Objects/memoryobject.c) over the one-dimensional
# unsigned-byte buffers of `bytes` and `bytearray`: a view is its object and the range of
# indices it shows, so a slice is a view of the same memory and a write through a view of a
# bytearray changes the bytearray. The compiler turns the built-in name into this class (as
# it does `complex`); listed as C code (gilsim_lang::library::WRITTEN_IN_C).


def _released():
    return ValueError("operation forbidden on released memoryview object")


class memoryview(object):
    def __init__(self, obj):
        if isinstance(obj, memoryview):
            obj._check()
            self._obj, self._range = obj._obj, obj._range
        elif isinstance(obj, (bytes, bytearray)):
            self._obj, self._range = obj, range(len(obj))
        else:
            raise TypeError("memoryview: a bytes-like object is required, not '%s'" % type(obj).__name__)
        self._released = False

    def _check(self):
        if self._released:
            raise _released()

    def _view(self, indices):
        view = object.__new__(memoryview)
        view._obj, view._range, view._released = self._obj, indices, False
        return view

    @property
    def obj(self):
        self._check()
        return self._obj

    @property
    def nbytes(self):
        self._check()
        return len(self._range)

    @property
    def readonly(self):
        self._check()
        return isinstance(self._obj, bytes)

    @property
    def itemsize(self):
        self._check()
        return 1

    @property
    def format(self):
        self._check()
        return "B"

    @property
    def ndim(self):
        self._check()
        return 1

    @property
    def shape(self):
        self._check()
        return (len(self._range),)

    @property
    def strides(self):
        self._check()
        return (self._range.step,)

    @property
    def contiguous(self):
        self._check()
        return self._range.step == 1 or len(self._range) <= 1

    c_contiguous = contiguous
    f_contiguous = contiguous

    def __len__(self):
        self._check()
        return len(self._range)

    def __getitem__(self, index):
        self._check()
        if isinstance(index, slice):
            return self._view(self._range[index])
        if not isinstance(index, int):
            raise TypeError("memoryview: invalid slice key")
        try:
            return self._obj[self._range[index]]
        except IndexError:
            raise IndexError("index out of bounds on dimension 1")

    def __setitem__(self, index, value):
        self._check()
        if isinstance(self._obj, bytes):
            raise TypeError("cannot modify read-only memory")
        if isinstance(index, slice):
            target = self._range[index]
            data = bytes(value)
            if len(data) != len(target):
                raise ValueError("memoryview assignment: lvalue and rvalue have different structures")
            if target.step == 1:
                self._obj[target.start:target.start + len(data)] = data
                return
            for i, byte in zip(target, data):
                self._obj[i] = byte
            return
        if not isinstance(value, int):
            raise TypeError("memoryview: invalid type for format 'B'")
        if not 0 <= value < 256:
            raise ValueError("memoryview: invalid value for format 'B'")
        try:
            self._obj[self._range[index]] = value
        except IndexError:
            raise IndexError("index out of bounds on dimension 1")

    def __iter__(self):
        self._check()
        return iter([self._obj[i] for i in self._range])

    def tobytes(self, order=None):
        self._check()
        r = self._range
        if r.step == 1:
            return bytes(self._obj[r.start:r.stop])
        return bytes([self._obj[i] for i in r])

    __bytes__ = tobytes

    def tolist(self):
        self._check()
        return [self._obj[i] for i in self._range]

    def hex(self, *args):
        return self.tobytes().hex(*args)

    def toreadonly(self):
        self._check()
        view = self._view(self._range)
        view._obj = bytes(self._obj)
        return view

    def release(self):
        self._released = True

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.release()

    def __eq__(self, other):
        if self._released:
            return self is other
        if isinstance(other, (memoryview, bytes, bytearray)):
            return self.tobytes() == bytes(other)
        return NotImplemented

    def __ne__(self, other):
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self):
        self._check()
        if not isinstance(self._obj, bytes):
            raise ValueError("cannot hash writable memoryview object")
        return hash(self.tobytes())

    def __repr__(self):
        if self._released:
            return "<released memory at %#x>" % id(self)
        return "<memory at %#x>" % id(self)


memoryview.__module__ = "builtins"
