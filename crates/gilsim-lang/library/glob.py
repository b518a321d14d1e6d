# glob: CPython's Lib/glob.py over the run's simulated files: shell patterns matched name by
# name (fnmatch), `**` with recursive=True, names starting with a dot matched only by a
# pattern that starts with one (or with include_hidden, 3.11). Names come in os.listdir's
# order, as CPython's come in os.scandir's. `dir_fd` is accepted and must be None.
import os
import re
import fnmatch
import itertools
import _gilsim

__all__ = ["glob", "iglob", "escape"]


def _iglob_from(pathname, root_dir, recursive, include_hidden):
    if root_dir is not None:
        root_dir = os.fspath(root_dir)
    else:
        root_dir = pathname[:0]
    it = _iglob(pathname, root_dir, recursive, False, include_hidden)
    if not pathname or recursive and _isrecursive(pathname[:2]):
        try:
            s = next(it)  # skip empty string
            if s:
                it = itertools.chain((s,), it)
        except StopIteration:
            pass
    return it


if _gilsim.version >= (3, 11):
    def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
        return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd, recursive=recursive,
                          include_hidden=include_hidden))

    def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
        return _iglob_from(pathname, root_dir, recursive, include_hidden)
elif _gilsim.version >= (3, 10):
    def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False):
        return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd, recursive=recursive))

    def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False):
        return _iglob_from(pathname, root_dir, recursive, False)
else:
    def glob(pathname, *, recursive=False):
        return list(iglob(pathname, recursive=recursive))

    def iglob(pathname, *, recursive=False):
        return _iglob_from(pathname, None, recursive, False)


def _iglob(pathname, root_dir, recursive, dironly, include_hidden=False):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if os.path.lexists(_join(root_dir, pathname)):
                yield pathname
        else:
            # Patterns ending with a slash should match only directories
            if os.path.isdir(_join(root_dir, dirname)):
                yield pathname
        return
    if not dirname:
        if recursive and _isrecursive(basename):
            yield from _glob2(root_dir, basename, dironly, include_hidden)
        else:
            yield from _glob1(root_dir, basename, dironly, include_hidden)
        return
    # `os.path.split()` returns the argument itself as a dirname if it is a drive or UNC path.
    if dirname != pathname and has_magic(dirname):
        dirs = _iglob(dirname, root_dir, recursive, True, include_hidden)
    else:
        dirs = [dirname]
    if has_magic(basename):
        if recursive and _isrecursive(basename):
            glob_in_dir = _glob2
        else:
            glob_in_dir = _glob1
    else:
        glob_in_dir = _glob0
    for dirname in dirs:
        for name in glob_in_dir(_join(root_dir, dirname), basename, dironly, include_hidden):
            yield os.path.join(dirname, name)


def _glob1(dirname, pattern, dironly, include_hidden=False):
    names = _listdir(dirname, dironly)
    if include_hidden or not _ishidden(pattern):
        names = (x for x in names if include_hidden or not _ishidden(x))
    return fnmatch.filter(names, pattern)


def _glob0(dirname, basename, dironly, include_hidden=False):
    if basename:
        if os.path.lexists(_join(dirname, basename)):
            return [basename]
    else:
        # `os.path.split()` returns an empty basename for paths ending with a separator.
        if os.path.isdir(dirname):
            return [basename]
    return []


def glob0(dirname, pattern):
    return _glob0(dirname, pattern, False)


def glob1(dirname, pattern):
    return _glob1(dirname, pattern, False)


def _glob2(dirname, pattern, dironly, include_hidden=False):
    # `**`: this directory and every directory below it, recursively.
    yield pattern[:0]
    yield from _rlistdir(dirname, dironly, include_hidden)


def _listdir(dirname, dironly):
    try:
        names = os.listdir(dirname or os.curdir)
    except OSError:
        return []
    if dironly:
        return [name for name in names if os.path.isdir(_join(dirname, name))]
    return names


def _rlistdir(dirname, dironly, include_hidden=False):
    names = _listdir(dirname, dironly)
    for x in names:
        if include_hidden or not _ishidden(x):
            yield x
            path = _join(dirname, x) if dirname else x
            for y in _rlistdir(path, dironly, include_hidden):
                yield _join(x, y)


def _join(dirname, basename):
    # It is common if dirname or basename is empty
    if not dirname or not basename:
        return dirname or basename
    return os.path.join(dirname, basename)


magic_check = re.compile("([*?[])")


def has_magic(s):
    if isinstance(s, bytes):
        # gilsim's `re` matches str patterns only.
        return any(c in b"*?[" for c in s)
    return magic_check.search(s) is not None


def _ishidden(path):
    return path[0] in (".", b"."[0])


def _isrecursive(pattern):
    if isinstance(pattern, bytes):
        return pattern == b"**"
    return pattern == "**"


def escape(pathname):
    # Metacharacters do not work in the drive part and shouldn't be escaped.
    drive, pathname = os.path.splitdrive(pathname)
    if isinstance(pathname, bytes):
        pathname = b"".join(bytes([91, c, 93]) if c in b"*?[" else bytes([c]) for c in pathname)
    else:
        pathname = magic_check.sub(r"[\1]", pathname)
    return drive + pathname
