# hmac: keyed hashing (RFC 2104) over the library's hashlib, as CPython's Lib/hmac.py:
# the key padded (or hashed first, when longer) to the hash's block size, XORed with 0x36
# for the inner hash and 0x5C for the outer. digestmod is a hashlib name, a constructor or
# a module with new(); required from 3.8 (MD5 by default before, with 3.7's warning).
import _gilsim
import hashlib as _hashlib
import warnings as _warnings

trans_5C = bytes((x ^ 0x5C) for x in range(256))
trans_36 = bytes((x ^ 0x36) for x in range(256))

digest_size = None


def compare_digest(a, b):
    # CPython's constant-time comparison (hmac.compare_digest is _operator's).
    if isinstance(a, str) and isinstance(b, str):
        if any(ord(c) > 127 for c in a + b):
            raise TypeError("comparing strings with non-ASCII characters is not supported")
        return a == b
    for operand in (a, b):
        if not isinstance(operand, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '%s'" % type(operand).__name__)
    return bytes(a) == bytes(b)


def _constructor(digestmod):
    if callable(digestmod):
        return digestmod
    if isinstance(digestmod, str):
        return lambda d=b'': _hashlib.new(digestmod, d)
    return lambda d=b'': digestmod.new(d)


class HMAC:
    """RFC 2104 HMAC class.  Also complies with RFC 4231.

    This supports the API for Cryptographic Hash Functions (PEP 247).
    """
    blocksize = 64  # 512-bit HMAC; can be changed in subclasses.

    def __init__(self, key, msg=None, digestmod=None if _gilsim.version < (3, 8) else '', _warn=True):
        if not isinstance(key, (bytes, bytearray)):
            raise TypeError("key: expected bytes or bytearray, but got %r" % type(key).__name__)
        if _gilsim.version < (3, 8) and digestmod is None:
            # CPython warns on its caller: hmac.new, whose warning the default filters hide.
            if not _warn:
                pass
            elif _gilsim.version >= (3, 7):
                _warnings.warn("HMAC() without an explicit digestmod argument "
                               "is deprecated since Python 3.4, and will be removed in 3.8",
                               DeprecationWarning, 2)
            else:
                _warnings.warn("HMAC() without an explicit digestmod argument is deprecated.",
                               PendingDeprecationWarning, 2)
            digestmod = _hashlib.md5
        if not digestmod:
            word = "argument" if _gilsim.version >= (3, 13) else "parameter"
            raise TypeError("Missing required %s 'digestmod'." % word)
        digest_cons = _constructor(digestmod)
        self._outer = digest_cons()
        self._inner = digest_cons()
        self.digest_size = self._inner.digest_size
        blocksize = getattr(self._inner, 'block_size', self.blocksize)
        if len(key) > blocksize:
            key = digest_cons(key).digest()
        self.block_size = blocksize
        key = bytes(key).ljust(blocksize, b'\0')
        self._outer.update(key.translate(trans_5C))
        self._inner.update(key.translate(trans_36))
        if msg is not None:
            self.update(msg)

    @property
    def name(self):
        return "hmac-" + self._inner.name

    def update(self, msg):
        """Feed data from msg into this hashing object."""
        self._inner.update(msg)

    def copy(self):
        """Return a separate copy of this hashing object."""
        other = self.__class__.__new__(self.__class__)
        other.digest_size = self.digest_size
        other.block_size = self.block_size
        other._inner = self._inner.copy()
        other._outer = self._outer.copy()
        return other

    def _current(self):
        h = self._outer.copy()
        h.update(self._inner.digest())
        return h

    def digest(self):
        """Return the hash value of this hashing object."""
        return self._current().digest()

    def hexdigest(self):
        """Like digest(), but returns a string of hexadecimal digits instead."""
        return self._current().hexdigest()


def new(key, msg=None, digestmod=None if _gilsim.version < (3, 8) else ''):
    """Create a new hashing object and return it."""
    return HMAC(key, msg, digestmod, _warn=False)


def digest(key, msg, digest):
    """Fast inline implementation of HMAC."""
    digest_cons = _constructor(digest)
    inner = digest_cons()
    outer = digest_cons()
    blocksize = getattr(inner, 'block_size', 64)
    if len(key) > blocksize:
        key = digest_cons(key).digest()
    key = bytes(key) + b'\x00' * (blocksize - len(key))
    inner.update(key.translate(trans_36))
    outer.update(key.translate(trans_5C))
    inner.update(msg)
    outer.update(inner.digest())
    return outer.digest()


if _gilsim.version < (3, 7):
    del digest
