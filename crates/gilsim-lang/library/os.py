# os: the names written in Python, loaded on first use — `os.path`, available after
# `import os` as in CPython, and the file-system calls over the run's simulated files
# (modules/files.rs; library/io.py raises their errors): `stat` (files keep no times: the
# run's start), `scandir` (listdir's order), `walk`, ... The rest of os is native
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


# The run's clock starts at 2000-01-01 00:00:00 UTC (time.time()); the simulated files keep
# no times of their own: each was last accessed and changed then.
_FILE_TIME = 946684800


class stat_result(tuple):
    # CPython's structseq: ten int fields as a tuple, float times and the rest by name.
    __module__ = "os"
    _fields = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
               "st_atime", "st_mtime", "st_ctime")
    n_sequence_fields = 10
    n_fields = 19
    n_unnamed_fields = 3

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: float(self[7]))
    st_mtime = property(lambda self: float(self[8]))
    st_ctime = property(lambda self: float(self[9]))
    st_atime_ns = property(lambda self: self[7] * 1000000000)
    st_mtime_ns = property(lambda self: self[8] * 1000000000)
    st_ctime_ns = property(lambda self: self[9] * 1000000000)
    st_blksize = property(lambda self: 4096)
    st_blocks = property(lambda self: (self[6] + 4095) // 4096 * 8)

    def __repr__(self):
        return "os.stat_result(%s)" % ", ".join("%s=%r" % pair for pair in zip(self._fields, self))


def _inode(absolute):
    # A number of the path's own (FNV-1a), the same in every run.
    h = 2166136261
    for ch in absolute:
        h = ((h ^ ord(ch)) * 16777619) & 0xFFFFFFFF
    return h % 10000000 + 100


def stat(path, *, dir_fd=None, follow_symlinks=True):
    path = fspath(path)
    kind = _gilsim.fs_kind(path)
    if kind == 0:
        _gilsim.fs_size(path)  # raises FileNotFoundError, as CPython's stat does
    absolute = _gilsim.fs_abspath(path)
    if kind == 2:
        mode, links, size = 0o40755, 2, 4096
    else:
        mode, links, size = 0o100644, 1, _gilsim.fs_size(path)
    return stat_result((mode, _inode(absolute), 2049, links, 1000, 1000, size, _FILE_TIME, _FILE_TIME, _FILE_TIME))


def lstat(path, *, dir_fd=None):
    return stat(path)


class DirEntry:
    __module__ = "posix"

    def __init__(self, directory, name):
        self.name = name
        self.path = path.join(directory, name)

    def is_dir(self, *, follow_symlinks=True):
        return _gilsim.fs_kind(self.path) == 2

    def is_file(self, *, follow_symlinks=True):
        return _gilsim.fs_kind(self.path) == 1

    def is_symlink(self):
        return False

    def stat(self, *, follow_symlinks=True):
        return stat(self.path)

    def inode(self):
        return _inode(_gilsim.fs_abspath(self.path))

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return "<DirEntry %r>" % (self.name,)


class _ScandirIterator:
    __module__ = "posix"

    def __init__(self, directory):
        self._entries = iter([DirEntry(directory, name) for name in listdir(directory)])

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._entries)

    def close(self):
        self._entries = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def scandir(path="."):
    return _ScandirIterator(fspath(path))


def kill(pid, sig):
    # To the run's own process: the signal's handler runs at once, in the calling thread
    # (CPython runs it in the main thread, before that thread's next instruction); a
    # default action that would end the process is not modelled. To a child process of the
    # run (multiprocessing): SIGTERM and SIGKILL end it as terminate() and kill() do.
    # Signal 0 only checks that the process is there.
    import operator
    import os
    import signal
    import sys

    for value in (pid, sig):
        if not isinstance(value, int) and not hasattr(value, "__index__") and _gilsim.version < (3, 10):
            raise TypeError("an integer is required (got type %s)" % type(value).__name__)
    pid, sig = operator.index(pid), operator.index(sig)
    if not 0 <= sig < 65:
        raise OSError(22, "Invalid argument")
    if pid == os.getpid():
        if sig == 0:
            return
        handler = signal.getsignal(sig)
        ignored = (signal.SIGCHLD, signal.SIGURG, signal.SIGWINCH, signal.SIGCONT)
        if handler is signal.SIG_IGN or handler is signal.SIG_DFL and sig in ignored:
            return
        if handler is signal.SIG_DFL:
            raise NotImplementedError("gilsim does not model a process ended by signal %d" % sig)
        handler(sig, None)
        return
    multiprocessing = sys.modules.get("multiprocessing")
    for child in multiprocessing.active_children() if multiprocessing is not None else ():
        if child.pid == pid:
            if sig in (signal.SIGTERM, signal.SIGKILL):
                _gilsim.process_end(child._popen, int(sig))
            elif sig != 0:
                raise NotImplementedError("gilsim does not deliver signal %d to another process" % sig)
            return
    raise ProcessLookupError(3, "No such process")


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


# The simulated user owns the run's files (stat's st_uid/st_gid).
def getuid():
    return 1000


geteuid = getgid = getegid = getuid


def sched_getaffinity(pid):
    # Every simulated core (`--cores`) is the process's to run on.
    import operator
    import os

    operator.index(pid)
    return set(range(os.cpu_count()))


if _gilsim.version >= (3, 13):
    def process_cpu_count():
        return len(sched_getaffinity(0))


def isatty(fd):
    # The run's streams are captured, never a terminal (sys.stdout.isatty() says the same).
    import operator

    operator.index(fd)
    return False


class terminal_size(tuple):
    # CPython's structseq: (columns, lines).
    __module__ = "os"
    n_sequence_fields = 2
    n_fields = 2
    n_unnamed_fields = 0
    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])

    def __new__(cls, sequence):
        sequence = tuple(sequence)
        if len(sequence) != 2:
            raise TypeError("os.terminal_size() takes a 2-sequence (%d-sequence given)" % len(sequence))
        return tuple.__new__(cls, sequence)

    def __repr__(self):
        return "os.terminal_size(columns=%r, lines=%r)" % tuple(self)


def get_terminal_size(fd=1):
    # stdout is no terminal: the ioctl's error, as CPython's with redirected output.
    isatty(fd)
    raise OSError(25, "Inappropriate ioctl for device")


if _gilsim.version < (3, 3):
    del sched_getaffinity, terminal_size, get_terminal_size
