# multiprocessing.shared_memory (3.8+): SharedMemory and ShareableList, after CPython's
# Lib/multiprocessing/shared_memory.py on Linux. A segment is a bytearray the machine keeps by
# name (_gilsim.shm_create/shm_open/shm_unlink, POSIX shm_open's namespace); `buf` is a
# memoryview of it through _Segment, an object every process shares (as an mmap's pages), so
# a forked child's copy of a SharedMemory and a SharedMemory opened by name in any process
# see the same bytes. Each byte read or written is an access to memory other processes see.
import _gilsim
import secrets
import struct
from functools import partial

__all__ = ["SharedMemory", "ShareableList"]

_SHM_SAFE_NAME_LENGTH = 14
_SHM_NAME_PREFIX = "/psm_"


def _make_filename():
    nbytes = (_SHM_SAFE_NAME_LENGTH - len(_SHM_NAME_PREFIX)) // 2
    return _SHM_NAME_PREFIX + secrets.token_hex(nbytes)


class _Segment(object):
    # The mapped pages: one object for every process (not copied by a fork).
    __gilsim_shared__ = True

    def __init__(self, data):
        self._data = data

    def __len__(self):
        return len(self._data)

    def __getitem__(self, index):
        return self._data[index]

    def __setitem__(self, index, value):
        self._data[index] = value

    def __bytes__(self):
        return bytes(self._data)


def _mapped(data):
    view = object.__new__(memoryview)
    view._obj, view._range, view._released = _Segment(data), range(len(data)), False
    return view


class SharedMemory:
    _name = None
    _buf = None
    _track = True

    if _gilsim.version >= (3, 13):
        def __init__(self, name=None, create=False, size=0, *, track=True):
            self._track = track
            self._open(name, create, size)
    else:
        def __init__(self, name=None, create=False, size=0):
            self._open(name, create, size)

    def _open(self, name, create, size):
        if not size >= 0:
            raise ValueError("'size' must be a positive integer")
        if create and size == 0:
            raise ValueError("'size' must be a positive number different from zero")
        if name is None and not create:
            raise ValueError("'name' can only be None if create=True")
        if create:
            data = bytearray(size)
            if name is None:
                while True:
                    name = _make_filename()
                    try:
                        _gilsim.shm_create(name, data)
                    except FileExistsError:
                        continue
                    break
            else:
                name = "/" + name
                _gilsim.shm_create(name, data)
        else:
            name = "/" + name
            data = _gilsim.shm_open(name)
        self._name = name
        self._size = len(data)
        self._buf = _mapped(data)
        if self._track:
            _gilsim.shm_track(name, True)

    def __del__(self):
        try:
            self.close()
        except OSError:
            pass

    def __reduce__(self):
        return (self.__class__, (self.name, False, self.size))

    def __repr__(self):
        return f"{self.__class__.__name__}({self.name!r}, size={self.size})"

    @property
    def buf(self):
        return self._buf

    @property
    def name(self):
        reported_name = self._name
        if reported_name.startswith("/"):
            reported_name = self._name[1:]
        return reported_name

    @property
    def size(self):
        return self._size

    def close(self):
        if self._buf is not None:
            self._buf.release()
            self._buf = None

    def unlink(self):
        if self._name:
            _gilsim.shm_unlink(self._name)
            if self._track:
                _gilsim.shm_track(self._name, False)


_encoding = "utf8"


class ShareableList:
    # CPython 3.9+ lays the block out as: the item count, the items' N + 1 offsets into the
    # data area, the data, each item's struct format (8 bytes), each item's back-transform
    # code. 3.8 kept the items' N sizes instead of the offsets.
    _types_mapping = {
        int: "q",
        float: "d",
        bool: "xxxxxxx?",
        str: "%ds",
        bytes: "%ds",
        None.__class__: "xxxxxx?x",
    }
    _alignment = 8
    _back_transforms_mapping = {
        0: lambda value: value,
        1: lambda value: value.rstrip(b"\x00").decode(_encoding),
        2: lambda value: value.rstrip(b"\x00"),
        3: lambda _value: None,
    }

    @staticmethod
    def _extract_recreation_code(value):
        if not isinstance(value, (str, bytes, None.__class__)):
            return 0
        elif isinstance(value, str):
            return 1
        elif isinstance(value, bytes):
            return 2
        else:
            return 3

    def __init__(self, sequence=None, *, name=None):
        if (name is None and _gilsim.version >= (3, 9)) or sequence is not None:
            sequence = sequence or ()
            _formats = [
                self._types_mapping[type(item)]
                if not isinstance(item, (str, bytes))
                else self._types_mapping[type(item)] % (self._alignment * (len(item) // self._alignment + 1),)
                for item in sequence
            ]
            self._list_len = len(_formats)
            assert sum(len(fmt) <= 8 for fmt in _formats) == self._list_len
            offset = 0
            self._allocated_offsets = [0]
            for fmt in _formats:
                offset += self._alignment if fmt[-1] != "s" else int(fmt[:-1])
                self._allocated_offsets.append(offset)
            _recreation_codes = [self._extract_recreation_code(item) for item in sequence]
            requested_size = struct.calcsize(
                "q" + self._format_size_metainfo + "".join(_formats)
                + self._format_packing_metainfo + self._format_back_transform_codes
            )
            self.shm = SharedMemory(name, create=True, size=requested_size)
        else:
            self.shm = SharedMemory(name)

        if sequence is not None:
            struct.pack_into("q" + self._format_size_metainfo, self.shm.buf, 0, self._list_len,
                             *self._size_metainfo())
            struct.pack_into("".join(_formats), self.shm.buf, self._offset_data_start,
                             *(v.encode(_encoding) if isinstance(v, str) else v for v in sequence))
            struct.pack_into(self._format_packing_metainfo, self.shm.buf, self._offset_packing_formats,
                             *(v.encode(_encoding) for v in _formats))
            struct.pack_into(self._format_back_transform_codes, self.shm.buf,
                             self._offset_back_transform_codes, *_recreation_codes)
        else:
            self._list_len = len(self)
            stored = struct.unpack_from(self._format_size_metainfo, self.shm.buf, 1 * 8)
            if _gilsim.version >= (3, 9):
                self._allocated_offsets = list(stored)
            else:
                self._allocated_offsets = [0]
                for size in stored:
                    self._allocated_offsets.append(self._allocated_offsets[-1] + size)

    def _size_metainfo(self):
        offsets = self._allocated_offsets
        if _gilsim.version >= (3, 9):
            return offsets
        return [offsets[i + 1] - offsets[i] for i in range(self._list_len)]

    def _get_packing_format(self, position):
        position = position if position >= 0 else position + self._list_len
        if (position >= self._list_len) or (self._list_len < 0):
            raise IndexError("Requested position out of range.")
        v = struct.unpack_from("8s", self.shm.buf, self._offset_packing_formats + position * 8)[0]
        fmt = v.rstrip(b"\x00")
        return fmt.decode(_encoding)

    def _get_back_transform(self, position):
        if _gilsim.version < (3, 9):
            position = position if position >= 0 else position + self._list_len
        if (position >= self._list_len) or (self._list_len < 0):
            raise IndexError("Requested position out of range.")
        transform_code = struct.unpack_from("b", self.shm.buf, self._offset_back_transform_codes + position)[0]
        return self._back_transforms_mapping[transform_code]

    def _set_packing_format_and_transform(self, position, fmt_as_str, value):
        if (position >= self._list_len) or (self._list_len < 0):
            raise IndexError("Requested position out of range.")
        struct.pack_into("8s", self.shm.buf, self._offset_packing_formats + position * 8,
                         fmt_as_str.encode(_encoding))
        transform_code = self._extract_recreation_code(value)
        struct.pack_into("b", self.shm.buf, self._offset_back_transform_codes + position, transform_code)

    def __getitem__(self, position):
        position = position if position >= 0 else position + self._list_len
        try:
            offset = self._offset_data_start + self._allocated_offsets[position]
            (v,) = struct.unpack_from(self._get_packing_format(position), self.shm.buf, offset)
        except IndexError:
            raise IndexError("index out of range")
        back_transform = self._get_back_transform(position)
        return back_transform(v)

    def __setitem__(self, position, value):
        position = position if position >= 0 else position + self._list_len
        try:
            item_offset = self._allocated_offsets[position]
            offset = self._offset_data_start + item_offset
            current_format = self._get_packing_format(position)
        except IndexError:
            raise IndexError("assignment index out of range")
        if not isinstance(value, (str, bytes)):
            new_format = self._types_mapping[type(value)]
            encoded_value = value
        else:
            allocated_length = self._allocated_offsets[position + 1] - item_offset
            encoded_value = value.encode(_encoding) if isinstance(value, str) else value
            if len(encoded_value) > allocated_length:
                raise ValueError("bytes/str item exceeds available storage")
            if current_format[-1] == "s":
                new_format = current_format
            else:
                new_format = self._types_mapping[str] % (allocated_length,)
        self._set_packing_format_and_transform(position, new_format, value)
        struct.pack_into(new_format, self.shm.buf, offset, encoded_value)

    def __reduce__(self):
        return partial(self.__class__, name=self.shm.name), ()

    def __len__(self):
        return struct.unpack_from("q", self.shm.buf, 0)[0]

    def __repr__(self):
        return f"{self.__class__.__name__}({list(self)}, name={self.shm.name!r})"

    @property
    def format(self):
        return "".join(self._get_packing_format(i) for i in range(self._list_len))

    @property
    def _format_size_metainfo(self):
        if _gilsim.version >= (3, 9):
            return "q" * (self._list_len + 1)
        return f"{self._list_len}q"

    @property
    def _format_packing_metainfo(self):
        return "8s" * self._list_len

    @property
    def _format_back_transform_codes(self):
        return "b" * self._list_len

    @property
    def _offset_data_start(self):
        if _gilsim.version >= (3, 9):
            return (self._list_len + 2) * 8
        return (self._list_len + 1) * 8

    @property
    def _offset_packing_formats(self):
        return self._offset_data_start + self._allocated_offsets[-1]

    @property
    def _offset_back_transform_codes(self):
        return self._offset_packing_formats + self._list_len * 8

    def count(self, value):
        return sum(value == entry for entry in self)

    def index(self, value):
        for position, entry in enumerate(self):
            if value == entry:
                return position
        else:
            raise ValueError(f"{value!r} not in this container")

    if _gilsim.version >= (3, 9):
        # CPython: types.GenericAlias; gilsim's subscripted classes are the class itself (as
        # its `list[int]`).
        def __class_getitem__(cls, item):
            return cls
