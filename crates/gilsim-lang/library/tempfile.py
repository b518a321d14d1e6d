# tempfile: Lib/tempfile.py's temporary files and directories on the run's simulated disk
# (files.rs), under /tmp. Names are "tmp" + 8 characters drawn from a random.Random of the
# module's own, seeded by the run as every unseeded generator is, so a run names its files
# the same way every time. TemporaryFile is a NamedTemporaryFile (CPython's has no name on
# Linux: its .name is the descriptor number).
import os as _os
import shutil as _shutil
from random import Random as _Random

TMP_MAX = 10000
template = "tmp"
tempdir = None

_characters = "abcdefghijklmnopqrstuvwxyz0123456789_"
_rng = None


def _next_name():
    global _rng
    if _rng is None:
        _rng = _Random()
    return "".join(_rng.choices(_characters, k=8))


def gettempdir():
    return tempdir if tempdir is not None else "/tmp"


def gettempprefix():
    return template


def _sanitize(suffix, prefix, dir):
    if suffix is None:
        suffix = ""
    if prefix is None:
        prefix = template
    if dir is None:
        dir = gettempdir()
    return suffix, prefix, _os.fspath(dir)


def _unused_path(suffix, prefix, dir):
    for _ in range(TMP_MAX):
        path = _os.path.abspath(_os.path.join(dir, prefix + _next_name() + suffix))
        if not _os.path.exists(path):
            return path
    raise FileExistsError(17, "No usable temporary file name found")


def mkdtemp(suffix=None, prefix=None, dir=None):
    suffix, prefix, dir = _sanitize(suffix, prefix, dir)
    path = _unused_path(suffix, prefix, dir)
    _os.mkdir(path)
    return path


def mktemp(suffix="", prefix=template, dir=None):
    if dir is None:
        dir = gettempdir()
    return _unused_path(suffix, prefix, _os.fspath(dir))


class _TemporaryFileWrapper:
    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._closed = False

    def __getattr__(self, name):
        return getattr(self.__dict__["file"], name)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        self.close()
        return False

    def __iter__(self):
        return iter(self.file)

    def close(self):
        if not self._closed:
            self._closed = True
            self.file.close()
            if self.delete and _os.path.exists(self.name):
                _os.unlink(self.name)

    def __repr__(self):
        return "<tempfile._TemporaryFileWrapper object>"


def NamedTemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None, prefix=None,
                       dir=None, delete=True, *, errors=None):
    suffix, prefix, dir = _sanitize(suffix, prefix, dir)
    name = _unused_path(suffix, prefix, dir)
    open(name, "xb").close()
    kwargs = {"newline": newline}
    if "b" not in mode:
        kwargs["encoding"] = encoding
    file = open(name, mode, **kwargs)
    return _TemporaryFileWrapper(file, name, delete)


TemporaryFile = NamedTemporaryFile


class TemporaryDirectory:
    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._cleaned = False

    def __repr__(self):
        return "<{} {!r}>".format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        if not self._cleaned:
            self._cleaned = True
            _shutil.rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)
