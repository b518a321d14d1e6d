# itertools: the pure-Python equivalents from CPython's documentation, as generators, so
# they are as lazy as CPython's (they read their input only as items are asked for).
import _gilsim


_MISSING = object()


class count(object):
    # An iterator object, not a generator: CPython's shows its state in its repr.
    def __init__(self, start=0, step=1):
        self._next = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._next
        self._next = n + self._step
        return n

    next = __next__

    def __repr__(self):
        if type(self._step) is int and self._step == 1:
            return "%s(%r)" % (type(self).__name__, self._next)
        return "%s(%r, %r)" % (type(self).__name__, self._next, self._step)


def cycle(iterable):
    saved = []
    for element in iterable:
        yield element
        saved.append(element)
    while saved:
        for element in saved:
            yield element


class repeat(object):
    def __init__(self, object, times=None):
        self._object = object
        self._left = None if times is None else max(times, 0)

    def __iter__(self):
        return self

    def __next__(self):
        if self._left is not None:
            if self._left == 0:
                raise StopIteration
            self._left -= 1
        return self._object

    next = __next__

    def __length_hint__(self):
        if self._left is None:
            raise TypeError("len() of unsized object")
        return self._left

    def __repr__(self):
        if self._left is None:
            return "%s(%r)" % (type(self).__name__, self._object)
        return "%s(%r, %d)" % (type(self).__name__, self._object, self._left)


def accumulate(iterable, func=None, initial=None):
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for element in it:
        total = total + element if func is None else func(total, element)
        yield total


def _chain(*iterables):
    for it in iterables:
        for element in it:
            yield element


def _from_iterable(iterables):
    for it in iterables:
        for element in it:
            yield element


class chain(object):
    def __init__(self, *iterables):
        self._it = _chain(*iterables)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)

    @staticmethod
    def from_iterable(iterables):
        return _from_iterable(iterables)


def compress(data, selectors):
    return (d for d, s in zip(data, selectors) if s)


def dropwhile(predicate, iterable):
    it = iter(iterable)
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def takewhile(predicate, iterable):
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break


def filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    for x in iterable:
        if not predicate(x):
            yield x


def islice(iterable, *args):
    if len(args) == 1:
        start, stop, step = 0, args[0], 1
    else:
        start, stop = args[0] or 0, args[1]
        step = (args[2] if len(args) > 2 else None) or 1
    it = iter(iterable)
    i = 0
    nexti = start
    while stop is None or i < stop:
        try:
            element = next(it)
        except StopIteration:
            return
        if i == nexti:
            yield element
            nexti += step
        i += 1


def starmap(function, iterable):
    for args in iterable:
        yield function(*args)


def zip_longest(*args, fillvalue=None):
    iterators = [iter(it) for it in args]
    num_active = len(iterators)
    if not num_active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                value = next(it)
            except StopIteration:
                num_active -= 1
                if not num_active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


def product(*args, repeat=1):
    pools = [tuple(pool) for pool in args] * repeat
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    for indices in product(range(n), repeat=r):
        if len(set(indices)) == r:
            yield tuple(pool[i] for i in indices)


def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    for indices in permutations(range(n), r):
        if sorted(indices) == list(indices):
            yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    for indices in product(range(n), repeat=r):
        if sorted(indices) == list(indices):
            yield tuple(pool[i] for i in indices)


class groupby(object):
    # CPython's C groupby: one pass over the iterable, shared with the groups it hands out;
    # a group ends when the key changes or when the next group was asked for.
    def __init__(self, iterable, key=None):
        self._keyfunc = key
        self._it = iter(iterable)
        self._tgtkey = self._currkey = self._currvalue = _MISSING
        self._currgrouper = None

    def __iter__(self):
        return self

    def _step(self):
        value = next(self._it)
        self._currkey = value if self._keyfunc is None else self._keyfunc(value)
        self._currvalue = value

    def __next__(self):
        self._currgrouper = None
        while True:
            if self._currkey is _MISSING:
                pass
            elif self._tgtkey is _MISSING or not _same_key(self._tgtkey, self._currkey):
                break
            self._step()
        self._tgtkey = self._currkey
        return self._currkey, _grouper(self, self._tgtkey)

    next = __next__


class _grouper(object):
    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey
        parent._currgrouper = self

    def __iter__(self):
        return self

    def __next__(self):
        parent = self._parent
        # From 3.7 a group ends once the next was asked for; before, it reads on while the
        # key matches.
        if parent._currgrouper is not self and _gilsim.version >= (3, 7):
            raise StopIteration
        if parent._currvalue is _MISSING:
            parent._step()
        if not _same_key(self._tgtkey, parent._currkey):
            raise StopIteration
        value = parent._currvalue
        parent._currvalue = _MISSING
        return value

    next = __next__


def _same_key(a, b):
    # PyObject_RichCompareBool: identity first.
    return a is b or a == b


def tee(iterable, n=2):
    items = list(iterable)
    return tuple(iter(items) for _ in range(n))


def pairwise(iterable):
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b


def batched(iterable, n, *, strict=False):
    # 3.12: tuples of n items, the last shorter; 3.13's strict=True refuses a short last one.
    if n < 1:
        raise ValueError("n must be at least one")
    it = iter(iterable)
    while True:
        batch = tuple(islice(it, n))
        if not batch:
            return
        if strict and len(batch) != n:
            raise ValueError("batched(): incomplete batch")
        yield batch


if _gilsim.version < (3, 12):
    del batched
if _gilsim.version < (3, 10):
    del pairwise
if _gilsim.version < (3, 0):
    # Python 2's lazy twins of the built-ins (which return lists there), and the names
    # Python 3 dropped the `i` from.
    def izip(*iterables):
        iterators = [iter(it) for it in iterables]
        if not iterators:
            return
        while True:
            items = []
            for it in iterators:
                try:
                    items.append(next(it))
                except StopIteration:
                    return
            yield tuple(items)

    def imap(function, *iterables):
        for args in izip(*iterables):
            yield args if function is None else function(*args)

    def ifilter(predicate, iterable):
        for item in iterable:
            if (item if predicate is None else predicate(item)):
                yield item

    ifilterfalse = filterfalse
    izip_longest = zip_longest
    del filterfalse, zip_longest
