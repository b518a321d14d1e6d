# os: the names written in Python, loaded on first use — `os.path`, available after
# `import os` as in CPython, and the file-system calls over the run's simulated files
# (modules/files.rs; library/io.py raises their errors). The rest of os is native
# (modules/os.rs).
import os.path as path
import _gilsim

curdir = "."
pardir = ".."
extsep = "."
altsep = None
pathsep = ":"
devnull = "/dev/null"
error = OSError
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1


def access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True):
    # The simulated files are the script's own: anything there reads and writes; only a
    # directory is searchable (no file is executable).
    kind = _gilsim.fs_kind(fspath(path))
    if mode & X_OK:
        return kind == 2
    return kind != 0


def fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    if hasattr(path, "__fspath__"):
        return path.__fspath__()
    raise TypeError("expected str, bytes or os.PathLike object, not %s" % type(path).__name__)


def getcwd():
    return _gilsim.fs_abspath(".")


def listdir(path="."):
    return _gilsim.fs_listdir(fspath(path))


def walk(top, topdown=True, onerror=None, followlinks=False):
    # CPython's os.walk over the run's simulated files (no links): a directory's entries in
    # listdir's order, its subdirectories walked before (topdown) or after its own triple.
    top = fspath(top)
    try:
        names = listdir(top)
    except OSError as error:
        if onerror is not None:
            onerror(error)
        return
    dirs = []
    nondirs = []
    for name in names:
        if path.isdir(path.join(top, name)):
            dirs.append(name)
        else:
            nondirs.append(name)
    if topdown:
        yield top, dirs, nondirs
        for name in dirs:
            yield from walk(path.join(top, name), topdown, onerror, followlinks)
    else:
        for name in dirs:
            yield from walk(path.join(top, name), topdown, onerror, followlinks)
        yield top, dirs, nondirs


def mkdir(path, mode=0o777):
    _gilsim.fs_mkdir(fspath(path))


def makedirs(name, mode=0o777, exist_ok=False):
    name = fspath(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        makedirs(head, exist_ok=True)
    if exist_ok and path.isdir(name):
        return
    mkdir(name, mode)


def remove(path):
    _gilsim.fs_remove(fspath(path), False)


unlink = remove


def rmdir(path):
    _gilsim.fs_remove(fspath(path), True)


def rename(src, dst):
    _gilsim.fs_rename(fspath(src), fspath(dst))


replace = rename


def urandom(size):
    # A generator seeded from the run, on a stream of its own (CPython reads the OS's entropy),
    # made on first use and kept on the function: importing os draws nothing and runs no more
    # of the module's body than before.
    if not isinstance(size, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(size).__name__)
    if size < 0:
        raise ValueError("negative argument not allowed")
    source = getattr(urandom, "_source", None)
    if source is None:
        import random

        source = urandom._source = random.Random()
    if size == 0:
        return b""
    return source.getrandbits(8 * size).to_bytes(size, "little")
