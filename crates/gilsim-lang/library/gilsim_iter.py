# Built-ins that consume an iterable (list(), tuple(), set(), sorted(), sum()) hand a
# Python-level iterator here, so that its __next__ runs in frames of the calling thread and
# may block (a results iterator waiting on a future), as it may under CPython.


import _gilsim


def reapply_at(builtin, indices, *args, **kwargs):
    args = list(args)
    for i in indices:
        items = []
        for item in args[i]:
            items.append(item)
        args[i] = items
    return builtin(*args, **kwargs)


class generator(object):
    # CPython's generator type. `__next__`, `send` and `throw` resume the suspended frame
    # in the frames of the thread that asks (gilsim_vm::generator).
    __module__ = "builtins"

    def __iter__(self):
        return self

    def __next__(self):
        return _gilsim.gen_resume(self, None, None)

    def send(self, value):
        return _gilsim.gen_resume(self, value, None)

    def throw(self, exc, *rest):
        return _gilsim.gen_resume(self, None, exc)

    def close(self):
        # CPython's gen_close: GeneratorExit is thrown in where the generator is parked; it
        # may end there (GeneratorExit or StopIteration) but not yield.
        if _gilsim.gen_close(self):
            return
        try:
            _gilsim.gen_resume(self, None, GeneratorExit)
        except (GeneratorExit, StopIteration):
            return
        raise RuntimeError("generator ignored GeneratorExit")

    def __repr__(self):
        return "<generator object %s at %#x>" % (_gilsim.gen_name(self), id(self))

    @property
    def gi_running(self):
        return _gilsim.gen_state(self) == "GEN_RUNNING"

    @property
    def gi_suspended(self):
        return _gilsim.gen_state(self) == "GEN_SUSPENDED"

    @property
    def gi_frame(self):
        return _gilsim.gen_frame(self)

    @property
    def gi_code(self):
        return _gilsim.gen_frame(self, True).f_code


if _gilsim.version < (3, 11):
    del generator.gi_suspended


def spread_call(callable, iterable, kwargs):
    # `f(*gen)` of a generator or a Python iterator: its items are collected here, in the
    # calling thread's frames, where its code may block (CPython runs it in the thread too).
    items = [item for item in iterable]
    if kwargs is None:
        return callable(*items)
    return callable(*items, **kwargs)


def callable_iterator(callable, sentinel):
    # iter(callable, sentinel): calls until the sentinel comes back (CPython's calliterobject;
    # a generator here, since a class body would run at every program's start).
    while True:
        value = callable()
        if value == sentinel:
            return
        yield value


def dict_of_mapping(mapping, **kwargs):
    # dict(mapping) of a Python mapping (CPython's PyDict_Merge: keys(), then each item).
    result = {}
    for key in mapping.keys():
        result[key] = mapping[key]
    for key, value in kwargs.items():
        result[key] = value
    return result


def list_of(builtin, *args):
    # Python 2's map/filter/zip: the list of what 3's lazy object gives, with 2.7's rules:
    # map(None, ...) zips, a map over several sequences pads the shorter ones with None, and
    # filter of a str or tuple gives a str or tuple.
    name = builtin.__name__
    if name == "map" and len(args) > 1 and (args[0] is None or len(args) > 2):
        function, sequences = args[0], [list(s) for s in args[1:]]
        rows = [tuple(s[i] if i < len(s) else None for s in sequences)
                for i in range(max(len(s) for s in sequences))]
        if function is None:
            return [row[0] for row in rows] if len(sequences) == 1 else rows
        return [function(*row) for row in rows]
    if name == "filter" and len(args) == 2 and isinstance(args[1], (str, tuple)):
        kept = list(builtin(*args))
        return "".join(kept) if isinstance(args[1], str) else tuple(kept)
    return list(builtin(*args))


def next_or(iterator, default):
    # `next(iterator, default)` for an iterator whose __next__ is Python code.
    try:
        return iterator.__next__()
    except StopIteration:
        return default


# Python twins of the lazy built-ins, for arguments whose items come from Python code (a
# generator, an iterator class): each item is asked for only when the next one is wanted, in
# the frames of the thread that wants it, as CPython's zip/map/filter/enumerate do.
class zip(object):
    def __init__(self, *iterables, strict=False):
        self._iterators = [iter(x) for x in iterables]
        self._strict = strict

    def __iter__(self):
        return self

    def __next__(self):
        iterators = self._iterators
        if not iterators:
            raise StopIteration
        row = []
        for i, it in enumerate(iterators):
            try:
                row.append(next(it))
            except StopIteration:
                if self._strict:
                    _zip_strict_check(iterators, i)
                raise
        return tuple(row)

    def __repr__(self):
        return "<zip object at %#x>" % id(self)


def _zip_strict_check(iterators, stopped):
    # zip(strict=True): CPython's messages when the iterables' lengths differ.
    if stopped:
        plural = " " if stopped == 1 else "s 1-"
        raise ValueError("zip() argument %d is shorter than argument%s%d" % (stopped + 1, plural, stopped))
    for i in range(1, len(iterators)):
        try:
            next(iterators[i])
        except StopIteration:
            continue
        plural = " " if i == 1 else "s 1-"
        raise ValueError("zip() argument %d is longer than argument%s%d" % (i + 1, plural, i))


class map(object):
    def __init__(self, function, *iterables):
        if not iterables:
            raise TypeError("map() must have at least two arguments.")
        self._function = function
        self._iterators = [iter(x) for x in iterables]

    def __iter__(self):
        return self

    def __next__(self):
        args = []
        for it in self._iterators:
            args.append(next(it))
        return self._function(*args)

    def __repr__(self):
        return "<map object at %#x>" % id(self)


class filter(object):
    def __init__(self, function, iterable):
        self._function = function
        self._iterator = iter(iterable)

    def __iter__(self):
        return self

    def __next__(self):
        function = self._function
        while True:
            item = next(self._iterator)
            if (item if function is None else function(item)):
                return item

    def __repr__(self):
        return "<filter object at %#x>" % id(self)


class enumerate(object):
    def __init__(self, iterable, start=0):
        self._iterator = iter(iterable)
        self._count = start

    def __iter__(self):
        return self

    def __next__(self):
        item = next(self._iterator)
        count = self._count
        self._count = count + 1
        return (count, item)

    def __repr__(self):
        return "<enumerate object at %#x>" % id(self)


def any(iterable):
    for item in iterable:
        if item:
            return True
    return False


def all(iterable):
    for item in iterable:
        if not item:
            return False
    return True


def print_to(file, sep, end, flush, *items):
    # print(*items, file=file) to an object of the script's: one write per str, separator
    # and end, as CPython's print calls file.write.
    write = file.write
    first = True
    for item in items:
        if not first:
            write(sep)
        first = False
        write(str(item))
    write(end)
    if flush:
        file.flush()
