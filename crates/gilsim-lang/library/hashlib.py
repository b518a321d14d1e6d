# hashlib: MD5, SHA-1 and SHA-2 hash objects as CPython's OpenSSL-backed ones behave —
# update() with bytes only (str raises "Strings must be encoded before hashing", "Unicode-
# objects ..." before 3.9; Python 2's str is bytes), digest(), hexdigest(), copy(), name, digest_size, block_size.
# The object keeps the bytes it was fed; _gilsim.hash_digest computes the digest.

import _gilsim

_SIZES = {
    "md5": (16, 64),
    "sha1": (20, 64),
    "sha224": (28, 64),
    "sha256": (32, 64),
    "sha384": (48, 128),
    "sha512": (64, 128),
}

algorithms_guaranteed = frozenset(_SIZES)
algorithms_available = frozenset(_SIZES)


def _check(data):
    if isinstance(data, str):
        if _gilsim.version >= (3, 9):
            raise TypeError("Strings must be encoded before hashing")
        raise TypeError("Unicode-objects must be encoded before hashing")
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError("object supporting the buffer API required")


class _Hash(object):
    def __init__(self, name, data):
        self._name = name
        # Grown in place: hashing a file chunk by chunk stays linear.
        self._data = bytearray()
        if data is not None:
            self.update(data)

    @property
    def name(self):
        return self._name

    @property
    def digest_size(self):
        return _SIZES[self._name][0]

    @property
    def block_size(self):
        return _SIZES[self._name][1]

    def update(self, data):
        if _gilsim.version < (3,) and isinstance(data, str):
            # Python 2's str is bytes, one a character (a unicode object past Latin-1 is
            # taken as its UTF-8).
            try:
                data = data.encode("latin-1")
            except UnicodeEncodeError:
                data = data.encode("utf-8")
        _check(data)
        self._data += data

    def digest(self):
        raw = _gilsim.hash_digest(self._name, bytes(self._data))
        # Python 2's digest is a str of the bytes.
        return raw.decode("latin-1") if _gilsim.version < (3,) else raw

    def hexdigest(self):
        return _gilsim.hash_digest(self._name, bytes(self._data)).hex()

    def copy(self):
        twin = _Hash(self._name, None)
        twin._data = bytearray(self._data)
        return twin

    def __repr__(self):
        if _gilsim.version >= (3, 9):
            return "<%s _hashlib.HASH object @ %s>" % (self._name, hex(id(self)))
        if _gilsim.version >= (3, 7):
            return "<%s HASH object @ %s>" % (self._name, hex(id(self)))
        return "<_%s.%s object at %s>" % (self._name, self._name, hex(id(self)))


def new(name, data=b"", **kwargs):
    key = name.lower() if isinstance(name, str) else name
    if key not in _SIZES:
        raise ValueError("unsupported hash type " + str(name))
    return _Hash(key, kwargs.get("string", data))


def md5(string=b"", **kwargs):
    return _Hash("md5", string)


def sha1(string=b"", **kwargs):
    return _Hash("sha1", string)


def sha224(string=b"", **kwargs):
    return _Hash("sha224", string)


def sha256(string=b"", **kwargs):
    return _Hash("sha256", string)


def sha384(string=b"", **kwargs):
    return _Hash("sha384", string)


def sha512(string=b"", **kwargs):
    return _Hash("sha512", string)
