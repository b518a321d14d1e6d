# os.path: the string functions of CPython's posixpath — join, split, basename, dirname,
# splitext, normpath, isabs, commonprefix, relpath — and the queries of the run's simulated
# files (exists, isfile, isdir, getsize, abspath), whose working directory is /home/gilsim.
import _gilsim

sep = "/"
curdir = "."
pardir = ".."
extsep = "."


def _str(p):
    # os.fspath: a path object (pathlib.Path) as its str.
    if not isinstance(p, str) and hasattr(p, "__fspath__"):
        return p.__fspath__()
    return p


def _check(name, *args):
    for a in args:
        if not isinstance(a, str):
            raise TypeError("%s() argument must be str, bytes, or os.PathLike object, not '%s'"
                            % (name, type(a).__name__) if name != "join" else
                            "expected str, bytes or os.PathLike object, not %s" % type(a).__name__)


def isabs(s):
    s = _str(s)
    _check("isabs", s)
    return s.startswith("/")


def join(a, *p):
    a = _str(a)
    p = [_str(b) for b in p]
    _check("join", a, *p)
    path = a
    for b in p:
        if b.startswith("/"):
            path = b
        elif not path or path.endswith("/"):
            path += b
        else:
            path += "/" + b
    return path


def split(p):
    p = _str(p)
    _check("split", p)
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def splitext(p):
    p = _str(p)
    _check("splitext", p)
    sep_index = p.rfind("/")
    dot_index = p.rfind(".")
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index] != ".":
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def basename(p):
    p = _str(p)
    _check("basename", p)
    return p[p.rfind("/") + 1:]


def dirname(p):
    p = _str(p)
    _check("dirname", p)
    i = p.rfind("/") + 1
    head = p[:i]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head


def normpath(path):
    path = _str(path)
    _check("normpath", path)
    if path == "":
        return "."
    initial_slashes = 1 if path.startswith("/") else 0
    if initial_slashes and path.startswith("//") and not path.startswith("///"):
        initial_slashes = 2
    comps = path.split("/")
    new_comps = []
    for comp in comps:
        if comp in ("", "."):
            continue
        if comp != ".." or (not initial_slashes and not new_comps) or (new_comps and new_comps[-1] == ".."):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = "/".join(new_comps)
    if initial_slashes:
        path = "/" * initial_slashes + path
    return path or "."


def commonprefix(m):
    if not m:
        return ""
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def relpath(path, start=None):
    if not path:
        raise ValueError("no path specified")
    if start is None:
        start = curdir
    path = abspath(path)
    start = abspath(start)
    start_list = [x for x in normpath(start).split("/") if x]
    path_list = [x for x in normpath(path).split("/") if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [".."] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return "."
    return join(*rel_list)


def normcase(s):
    # POSIX: paths are compared as they are.
    return _str(s)


def splitdrive(p):
    p = _str(p)
    return p[:0], p


def exists(path):
    return _gilsim.fs_kind(_str(path)) != 0


lexists = exists


def isfile(path):
    return _gilsim.fs_kind(_str(path)) == 1


def isdir(s):
    return _gilsim.fs_kind(_str(s)) == 2


def getsize(filename):
    return _gilsim.fs_size(_str(filename))


def getmtime(filename):
    import os
    return os.stat(filename).st_mtime


def getatime(filename):
    import os
    return os.stat(filename).st_atime


def getctime(filename):
    import os
    return os.stat(filename).st_ctime


def abspath(path):
    path = _str(path)
    _check("abspath", path)
    return _gilsim.fs_abspath(path)


realpath = abspath
