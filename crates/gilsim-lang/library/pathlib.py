# pathlib: PurePath/PurePosixPath and Path/PosixPath over the run's simulated files (os, io).
# A path is kept as its parts, normalised as CPython's pathlib does ("a//b/./c" is a/b/c,
# ".." stays); file operations go through os and open().
import os
import _gilsim


def _parse(segments):
    root = ""
    parts = []
    for segment in segments:
        if not isinstance(segment, str):
            if hasattr(segment, "__fspath__"):
                segment = segment.__fspath__()
            else:
                raise TypeError("argument should be a str or an os.PathLike object where __fspath__ returns a str, "
                                "not %r" % type(segment).__name__)
        if segment.startswith("/"):
            root = "/"
            parts = []
        parts.extend(p for p in segment.split("/") if p and p != ".")
    return root, parts


class PurePath(object):
    def __init__(self, *segments):
        self._root, self._parts = _parse(segments)

    @classmethod
    def _from(cls, root, parts):
        path = cls.__new__(cls)
        path._root = root
        path._parts = list(parts)
        return path

    def __str__(self):
        text = self._root + "/".join(self._parts)
        return text or "."

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, str(self))

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return (self._root, self._parts) == (other._root, other._parts)

    def __hash__(self):
        return hash(str(self))

    def __lt__(self, other):
        return (self._root, self._parts) < (other._root, other._parts)

    def match(self, path_pattern):
        return _match(self, path_pattern)

    def __truediv__(self, other):
        root, parts = _parse([other])
        if root:
            return self._from(root, parts)
        return self._from(self._root, self._parts + parts)

    def __rtruediv__(self, other):
        return type(self)(other, str(self))

    def joinpath(self, *others):
        path = self
        for other in others:
            path = path / other
        return path

    def __reduce__(self):
        # 3.13 gives the path as it was made (its one argument, in the common case).
        if _gilsim.version >= (3, 13):
            return (self.__class__, (str(self),))
        return (self.__class__, tuple(self.parts))

    @property
    def parts(self):
        return tuple(([self._root] if self._root else []) + self._parts)

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def name(self):
        return self._parts[-1] if self._parts else ""

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        return name[i:] if 0 < i < len(name) - 1 else ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        name = name.lstrip(".")
        return ["." + s for s in name.split(".")[1:]]

    @property
    def stem(self):
        name, suffix = self.name, self.suffix
        return name[:len(name) - len(suffix)] if suffix else name

    @property
    def parent(self):
        if not self._parts:
            return self
        return self._from(self._root, self._parts[:-1])

    @property
    def parents(self):
        found = []
        path = self
        while path._parts:
            path = path.parent
            found.append(path)
        return tuple(found)

    def is_absolute(self):
        return bool(self._root)

    def with_name(self, name):
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        return self._from(self._root, self._parts[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if suffix and not suffix.startswith("."):
            raise ValueError("Invalid suffix %r" % suffix)
        return self.with_name(self.stem + suffix)

    def relative_to(self, *other):
        base = type(self)(*other)
        n = len(base._parts)
        if base._root != self._root or self._parts[:n] != base._parts:
            raise ValueError("%r is not in the subpath of %r" % (str(self), str(base)))
        return self._from("", self._parts[n:])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False


def _match(path, pattern):
    # PurePath.match before 3.12's full rules: a relative pattern matches the path's last
    # parts, an absolute one the whole path; each part by fnmatch.
    pattern = PurePath(pattern)
    if not pattern._parts and not pattern._root:
        raise ValueError("empty pattern")
    if pattern._root:
        if path._root != pattern._root or len(path._parts) != len(pattern._parts):
            return False
    elif len(pattern._parts) > len(path._parts):
        return False
    tail = path._parts[len(path._parts) - len(pattern._parts):]
    return all(_matches(part, glob) for part, glob in zip(tail, pattern._parts))


class PurePosixPath(PurePath):
    pass


class Path(PurePath):
    def __new__(cls, *segments):
        if cls is Path:
            cls = PosixPath
        return object.__new__(cls)

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls("/home/gilsim")

    def absolute(self):
        return type(self)(_gilsim.fs_abspath(str(self)))

    def resolve(self, strict=False):
        return type(self)(os.path.normpath(_gilsim.fs_abspath(str(self))))

    def expanduser(self):
        if self._parts and self._parts[0] == "~" and not self._root:
            return type(self)("/home/gilsim", *self._parts[1:])
        return self

    def exists(self):
        return os.path.exists(str(self))

    def stat(self):
        return os.stat(str(self))

    def lstat(self):
        return os.lstat(str(self))

    def samefile(self, other_path):
        other = other_path if isinstance(other_path, PurePath) else type(self)(other_path)
        self.stat()
        other.stat()
        return self.absolute() == other.absolute()

    def is_symlink(self):
        # The simulated disk has no symbolic links.
        return False

    def is_mount(self):
        return str(self.absolute()) == "/"

    def is_file(self):
        return os.path.isfile(str(self))

    def is_dir(self):
        return os.path.isdir(str(self))

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        if parents:
            os.makedirs(str(self), exist_ok=exist_ok)
        elif not (exist_ok and self.is_dir()):
            os.mkdir(str(self))

    def rmdir(self):
        os.rmdir(str(self))

    def unlink(self, missing_ok=False):
        if missing_ok and not self.exists():
            return
        os.remove(str(self))

    def rename(self, target):
        os.rename(str(self), str(target))
        return type(self)(target)

    replace = rename

    def touch(self, mode=0o666, exist_ok=True):
        if self.exists():
            if not exist_ok:
                raise FileExistsError(17, "File exists", str(self))
            return
        open(str(self), "a").close()

    def open(self, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
        return open(str(self), mode, buffering, encoding, errors, newline)

    def read_text(self, encoding=None, errors=None):
        with open(str(self), encoding=encoding, errors=errors) as f:
            return f.read()

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError("data must be str, not %s" % type(data).__name__)
        with open(str(self), "w", encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def read_bytes(self):
        with open(str(self), "rb") as f:
            return f.read()

    def write_bytes(self, data):
        with open(str(self), "wb") as f:
            return f.write(data)

    def iterdir(self):
        for name in os.listdir(str(self)):
            yield self / name

    def glob(self, pattern):
        for child in sorted(self.iterdir()):
            if _matches(child.name, pattern):
                yield child

    def rglob(self, pattern):
        for child in sorted(self.iterdir()):
            if _matches(child.name, pattern):
                yield child
            if child.is_dir():
                for found in child.rglob(pattern):
                    yield found


class PosixPath(Path, PurePosixPath):
    pass


def _matches(name, pattern):
    # fnmatch's `*`, `?` and literal characters, which the scripts' globs use.
    if not pattern:
        return not name
    if pattern[0] == "*":
        return any(_matches(name[i:], pattern[1:]) for i in range(len(name) + 1))
    if not name:
        return False
    if pattern[0] == "?" or pattern[0] == name[0]:
        return _matches(name[1:], pattern[1:])
    return False


if _gilsim.version < (3, 9):
    # Added in 3.9.
    del PurePath.with_stem
    del PurePath.is_relative_to

if _gilsim.version < (3, 7):
    # Added in 3.7.
    del Path.is_mount
