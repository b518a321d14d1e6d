# shutil: Lib/shutil.py's file copying and tree removal over the run's simulated files
# (files.rs): copyfile, copy, copy2, copytree, rmtree, move. Metadata (modes, times) is not
# simulated, so copy2 and copystat copy contents only.
import os
import sys

_BUFSIZE = 64 * 1024


class Error(OSError):
    pass


class SameFileError(Error):
    pass


def copyfileobj(fsrc, fdst, length=0):
    if not length:
        length = _BUFSIZE
    while True:
        buf = fsrc.read(length)
        if not buf:
            break
        fdst.write(buf)


def copyfile(src, dst, *, follow_symlinks=True):
    if os.path.abspath(os.fspath(src)) == os.path.abspath(os.fspath(dst)):
        raise SameFileError("{!r} and {!r} are the same file".format(src, dst))
    with open(src, "rb") as fsrc:
        with open(dst, "wb") as fdst:
            copyfileobj(fsrc, fdst)
    return dst


def copymode(src, dst, *, follow_symlinks=True):
    pass


def copystat(src, dst, *, follow_symlinks=True):
    pass


def copy(src, dst, *, follow_symlinks=True):
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(os.fspath(src)))
    copyfile(src, dst)
    return dst


copy2 = copy


def copytree(src, dst, symlinks=False, ignore=None, copy_function=copy2, ignore_dangling_symlinks=False,
             dirs_exist_ok=False):
    names = os.listdir(src)
    ignored = ignore(os.fspath(src), names) if ignore is not None else set()
    os.makedirs(dst, exist_ok=dirs_exist_ok)
    for name in names:
        if name in ignored:
            continue
        srcname = os.path.join(src, name)
        dstname = os.path.join(dst, name)
        if os.path.isdir(srcname):
            copytree(srcname, dstname, symlinks, ignore, copy_function, dirs_exist_ok=dirs_exist_ok)
        else:
            copy_function(srcname, dstname)
    return dst


def _failed(ignore_errors, onerror, func, path, err):
    # rmtree's policy for a failed call: ignore it, report it to onerror, or raise it.
    if ignore_errors:
        return
    if onerror is None:
        raise err
    onerror(func, path, err)


def rmtree(path, ignore_errors=False, onerror=None):
    try:
        names = os.listdir(path)
    except OSError as err:
        _failed(ignore_errors, onerror, os.listdir, path, err)
        return
    for name in names:
        fullname = os.path.join(path, name)
        if os.path.isdir(fullname):
            rmtree(fullname, ignore_errors, onerror)
            continue
        try:
            os.remove(fullname)
        except OSError as err:
            _failed(ignore_errors, onerror, os.remove, fullname, err)
    try:
        os.rmdir(path)
    except OSError as err:
        _failed(ignore_errors, onerror, os.rmdir, path, err)


def move(src, dst, copy_function=copy2):
    real_dst = dst
    if os.path.isdir(dst):
        real_dst = os.path.join(dst, os.path.basename(os.fspath(src).rstrip("/")))
        if os.path.exists(real_dst):
            raise Error("Destination path '%s' already exists" % real_dst)
    os.rename(src, real_dst)
    return real_dst


def get_terminal_size(fallback=(80, 24)):
    # Lib/shutil.py: $COLUMNS/$LINES (the run has no environment), then the terminal (output
    # is captured, never one), then `fallback`.
    try:
        size = os.get_terminal_size(1)
    except (AttributeError, ValueError, OSError):
        size = os.terminal_size(fallback)
    return os.terminal_size((size.columns or fallback[0], size.lines or fallback[1]))


if sys.version_info < (3, 3):
    del get_terminal_size
