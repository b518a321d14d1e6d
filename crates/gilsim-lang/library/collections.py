# collections in Python. defaultdict, Counter and OrderedDict are dict subclasses, as
# CPython's; gilsim cannot subclass the built-in tuple, so namedtuple classes wrap one
# (docs/language.md). Their reprs, operations and iteration order are CPython's. A deque is
# one list; its appends, pops and extends are single native steps (modules/deque.rs), atomic
# as CPython's C deque's are.
import _gilsim


class _DictWrapper(object):
    def __init__(self, *args, **kwargs):
        self._data = {}
        self.update(*args, **kwargs)

    def update(self, *args, **kwargs):
        if args:
            other = args[0]
            if hasattr(other, "keys"):
                for k in other.keys():
                    self[k] = other[k]
            else:
                for k, v in other:
                    self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def __getitem__(self, key):
        if key in self._data:
            return self._data[key]
        return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        self._data.pop(key)

    def __contains__(self, key):
        return key in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __eq__(self, other):
        if isinstance(other, _DictWrapper):
            return self._data == other._data
        return self._data == other

    def __bool__(self):
        return len(self._data) > 0

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def pop(self, key, *default):
        return self._data.pop(key, *default)

    def popitem(self):
        return self._data.popitem()

    def setdefault(self, key, default=None):
        return self._data.setdefault(key, default)

    def clear(self):
        self._data.clear()

    @classmethod
    def fromkeys(cls, iterable, value=None):
        new = cls()
        for key in iterable:
            new[key] = value
        return new

    def copy(self):
        new = object.__new__(self.__class__)
        for k, v in self.__dict__.items():
            setattr(new, k, v)
        new._data = dict(self._data)
        return new


class defaultdict(dict):
    # C in CPython: a missing key's value comes from the factory with no Python frame between.
    __slots__ = ("default_factory",)

    def __init__(self, *args, **kwargs):
        # The factory is positional only: `defaultdict(default_factory=int)` is a dict item.
        default_factory = args[0] if args else None
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        dict.__init__(self, *args[1:], **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        name = type(self).__name__ if _gilsim.version >= (3, 7) else "defaultdict"
        return "%s(%r, %s)" % (name, self.default_factory, dict.__repr__(self))

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        # CPython's: the factory (when there is one), then the items (what pickling sends).
        args = () if self.default_factory is None else (self.default_factory,)
        return (type(self), args, None, None, iter(list(self.items())))

    if _gilsim.version >= (3, 9):
        def __or__(self, other):
            if not isinstance(other, dict):
                return NotImplemented
            new = self.copy()
            new.update(other)
            return new

        def __ror__(self, other):
            if not isinstance(other, dict):
                return NotImplemented
            new = type(self)(self.default_factory, other)
            new.update(self)
            return new


class OrderedDict(dict):
    # C in CPython 3, Python in 2.7. Its items stay in insertion order under Python 2.7 too,
    # whose dicts iterate in hash order.
    def __init__(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError("expected at most 1 arguments, got %d" % len(args))
        _gilsim.insertion_ordered(self)
        dict.update(self, *args, **kwargs)

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __reduce__(self):
        state = vars(self) or None
        if _gilsim.version < (3, 0):
            return (type(self), ([[k, v] for k, v in self.items()],))
        return (type(self), (), state, None, iter(list(self.items())))

    if _gilsim.version >= (3, 0):
        # Views of their own type (`odict_keys([...])`), reversible in every version.
        def keys(self):
            return _gilsim.odict_view(self, 0)

        def values(self):
            return _gilsim.odict_view(self, 1)

        def items(self):
            return _gilsim.odict_view(self, 2)

        def move_to_end(self, key, last=True):
            value = dict.pop(self, key)
            if last:
                dict.__setitem__(self, key, value)
            else:
                rest = list(dict.items(self))
                dict.clear(self)
                dict.__setitem__(self, key, value)
                dict.update(self, rest)

    def popitem(self, last=True):
        if not self:
            raise KeyError("dictionary is empty")
        key = list(dict.keys(self))[-1 if last else 0]
        return key, dict.pop(self, key)

    def __reversed__(self):
        return reversed(list(dict.keys(self)))

    def __eq__(self, other):
        # Between two OrderedDicts, order matters too; with another mapping it does not.
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(dict.keys(self)) == list(dict.keys(other))
        return dict.__eq__(self, other)

    def __ne__(self, other):
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __repr__(self):
        name = type(self).__name__
        if not self:
            return "%s()" % (name,)
        if _gilsim.version >= (3, 12):
            return "%s(%r)" % (name, dict(self.items()))
        return "%s(%r)" % (name, list(self.items()))


def _count_elements(counter, iterable):
    # CPython's C helper of Counter.update (see gilsim_lang::library::WRITTEN_IN_C).
    counter_get = counter.get
    for elem in iterable:
        counter[elem] = counter_get(elem, 0) + 1


class Counter(dict):
    # Python in CPython too: a thread switch may fall inside its methods as it would there.
    def __init__(self, iterable=None, /, **kwds):
        # `iterable` is positional only (`Counter(iterable=2)` counts a key "iterable").
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    if _gilsim.version >= (3, 10):
        def total(self):
            return sum(self.values())

    def most_common(self, n=None):
        ranked = sorted(self.items(), key=lambda kv: kv[1], reverse=True)
        return ranked if n is None else ranked[:n]

    def elements(self):
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError("Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if hasattr(iterable, "keys"):
                if self:
                    self_get = self.get
                    for elem in iterable.keys():
                        self[elem] = iterable[elem] + self_get(elem, 0)
                else:
                    dict.update(self, iterable)
            else:
                _count_elements(self, iterable)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            self_get = self.get
            if hasattr(iterable, "keys"):
                for elem in iterable.keys():
                    self[elem] = self_get(elem, 0) - iterable[elem]
            else:
                for elem in iterable:
                    self[elem] = self_get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return self.__class__(self)

    def __reduce__(self):
        return (self.__class__, (dict(self),))

    def __delitem__(self, elem):
        if elem in self:
            dict.__delitem__(self, elem)

    def __repr__(self):
        name = self.__class__.__name__
        if not self:
            return "%s()" % name
        try:
            if _gilsim.version >= (3, 10):
                return "%s(%r)" % (name, dict(self.most_common()))
            return "%s({%s})" % (name, ", ".join("%r: %r" % kv for kv in self.most_common()))
        except TypeError:
            return "%s(%r)" % (name, dict(self))

    if _gilsim.version >= (3, 10):
        # 3.10's rich comparisons: a missing element counts as zero.
        def __eq__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            return all(self[e] == other[e] for c in (self, other) for e in c)

        def __ne__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            return not self == other

        def __le__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            return all(self[e] <= other[e] for c in (self, other) for e in c)

        def __lt__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            return self <= other and self != other

        def __ge__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            return all(self[e] >= other[e] for c in (self, other) for e in c)

        def __gt__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            return self >= other and self != other

    def _merge(self, other, combine, only_other):
        # CPython's Counter operators: `combine` of the two counts for this counter's
        # elements, `only_other` of the count of an element only `other` has; only positive
        # counts are kept.
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = combine(count, other[elem])
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and only_other(count) > 0:
                result[elem] = only_other(count)
        return result

    def __add__(self, other):
        return self._merge(other, lambda a, b: a + b, lambda b: b)

    def __sub__(self, other):
        return self._merge(other, lambda a, b: a - b, lambda b: 0 - b)

    def __or__(self, other):
        return self._merge(other, max, lambda b: b)

    def __and__(self, other):
        return self._merge(other, min, lambda b: 0)

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        for elem in [e for e, count in self.items() if not count > 0]:
            del self[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()


class deque(object):
    # The items live in a native store (`_items`, its ends O(1)); the C methods of CPython's
    # deque are native methods here, each one step with no frame.
    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None and maxlen < 0:
            raise ValueError("maxlen must be non-negative")
        self._items = _gilsim.deque_new(maxlen)
        self.extend(iterable)

    (append, appendleft, pop, popleft, __len__, __bool__, clear, maxlen,
     __getitem__, __setitem__, __delitem__, insert, rotate, reverse) = _gilsim.deque_methods()
    maxlen = property(maxlen)

    def extend(self, iterable):
        _gilsim.deque_extend(self._items, list(iterable), False)

    def extendleft(self, iterable):
        _gilsim.deque_extend(self._items, list(iterable), True)

    def _list(self):
        return _gilsim.deque_list(self._items)

    def count(self, x):
        return self._list().count(x)

    # The list's own search, one native step as CPython's C deque's, with the deque's messages.
    def index(self, x, start=0, stop=None):
        items = self._list()
        try:
            return items.index(x, start, len(items) if stop is None else stop)
        except ValueError:
            raise ValueError("%r is not in deque" % (x,)) from None

    def remove(self, value):
        items = self._list()
        try:
            items.remove(value)
        except ValueError:
            if _gilsim.version < (3, 10):
                raise ValueError("deque.remove(x): x not in deque") from None
            raise ValueError("%r is not in deque" % (value,)) from None
        _gilsim.deque_assign(self._items, items)

    def copy(self):
        return self.__class__(self._list(), self.maxlen)

    __copy__ = copy

    def __reduce__(self):
        # CPython's: the maxlen (when there is one), then the items.
        args = () if self.maxlen is None else ((), self.maxlen)
        return (type(self), args, None, iter(self._list()))

    def __iter__(self):
        return _gilsim.deque_iter(self._items)

    def __reversed__(self):
        return reversed(self._list())

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque' % type(other).__name__)
        result = self.copy()
        result.extend(other._list())
        return result

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        result = self.__class__((), self.maxlen)
        result.extend(self._list() * n)
        return result

    __rmul__ = __mul__

    def __imul__(self, n):
        items = self._list() * n
        self.clear()
        self.extend(items)
        return self

    def __lt__(self, other):
        return self._list() < other._list() if isinstance(other, deque) else NotImplemented

    def __le__(self, other):
        return self._list() <= other._list() if isinstance(other, deque) else NotImplemented

    def __gt__(self, other):
        return self._list() > other._list() if isinstance(other, deque) else NotImplemented

    def __ge__(self, other):
        return self._list() >= other._list() if isinstance(other, deque) else NotImplemented

    def __contains__(self, x):
        return x in self._list()

    def __eq__(self, other):
        return self._list() == other._list() if isinstance(other, deque) else NotImplemented

    __hash__ = None

    def __repr__(self):
        items = _gilsim.deque_repr_items(self._items)
        if items is None:
            return "[...]"
        name = type(self).__name__ if _gilsim.version >= (3, 7) else "deque"
        if self.maxlen is None:
            return "%s(%s)" % (name, items)
        return "%s(%s, maxlen=%d)" % (name, items, self.maxlen)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    # CPython's namedtuple: a tuple subclass without instance dicts, whose fields are
    # read-only properties over the items (CPython's are C _tuplegetters), made by a
    # generated `__new__` that binds its arguments as `def __new__(_cls, x, y)` would.
    if defaults is not None and _gilsim.version < (3, 7):
        raise TypeError("namedtuple() got an unexpected keyword argument 'defaults'")
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    fields = tuple(field_names)
    defaults = tuple(defaults) if defaults is not None else ()
    field_defaults = dict(zip(fields[len(fields) - len(defaults):], defaults))
    repr_fmt = "(" + ", ".join("%s=%%r" % name for name in fields) + ")"

    def __new__(_cls, *args, **kwargs):
        # The defaults are the class's (typing.NamedTuple sets them after making it).
        return _tuple_new(_cls, _bind_fields(typename, fields, _cls._field_defaults, args, kwargs))

    @classmethod
    def _make(cls, iterable):
        result = _tuple_new(cls, iterable)
        if len(result) != len(fields):
            raise TypeError("Expected %d arguments, got %d" % (len(fields), len(result)))
        return result

    def _replace(self, **kwds):
        result = self._make(map(kwds.pop, fields, self))
        if kwds:
            error = TypeError if _gilsim.version >= (3, 13) else ValueError
            raise error("Got unexpected field names: %r" % list(kwds))
        return result

    def __repr__(self):
        return self.__class__.__name__ + repr_fmt % self

    def _asdict(self):
        if _gilsim.version < (3, 8):
            return OrderedDict(zip(self._fields, self))
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    namespace = {
        "__doc__": "%s(%s)" % (typename, ", ".join(fields)),
        "__slots__": (),
        "_fields": fields,
        "_field_defaults": field_defaults,
        "__new__": __new__,
        "_make": _make,
        "_replace": _replace,
        "__repr__": __repr__,
        "_asdict": _asdict,
        "__getnewargs__": __getnewargs__,
        # The class CPython makes: named `typename`, of the caller's module.
        "__module__": "__main__" if module is None else module,
        "__qualname__": typename,
    }
    if _gilsim.version >= (3, 10):
        namespace["__match_args__"] = fields
    for index, name in enumerate(fields):
        namespace[name] = _tuplegetter(index, "Alias for field number %d" % index)
    return type(typename, (tuple,), namespace)


_tuple_new = tuple.__new__


class _tuplegetter(object):
    # A namedtuple field: a read-only descriptor of item `index` (C in CPython: 3.8's
    # _collections._tuplegetter, a property of operator.itemgetter before).
    __slots__ = ("_index", "__doc__")

    def __init__(self, index, doc):
        self._index = index
        self.__doc__ = doc

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        return obj[self._index]

    def __set__(self, obj, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, obj):
        raise AttributeError("can't delete attribute")


def _bind_fields(typename, fields, field_defaults, args, kwargs):
    # The generated `__new__(_cls, field, ...)`'s binding, with its messages (3.9 made it
    # from a lambda, whose code's name the messages give until 3.10).
    if _gilsim.version >= (3, 10):
        where = "%s.__new__()" % typename
    else:
        where = "<lambda>()" if _gilsim.version >= (3, 9) else "__new__()"
    required = len(fields) - len(field_defaults)
    if len(args) > len(fields):
        if field_defaults:
            takes = "from %d to %d positional arguments" % (required + 1, len(fields) + 1)
        else:
            takes = "%d positional argument%s" % (len(fields) + 1, "" if not fields else "s")
        raise TypeError("%s takes %s but %d were given" % (where, takes, len(args) + 1))
    for name in fields[:len(args)]:
        if name in kwargs:
            raise TypeError("%s got multiple values for argument '%s'" % (where, name))
    for name in kwargs:
        if name not in fields:
            raise TypeError("%s got an unexpected keyword argument '%s'" % (where, name))
    values = list(args)
    missing = []
    for name in fields[len(values):]:
        if name in kwargs:
            values.append(kwargs[name])
        elif name in field_defaults:
            values.append(field_defaults[name])
        else:
            missing.append("'%s'" % name)
    if missing:
        if len(missing) == 1:
            names = missing[0]
        elif len(missing) == 2:
            names = "%s and %s" % tuple(missing)
        else:
            names = ", ".join(missing[:-1]) + ", and " + missing[-1]
        raise TypeError("%s missing %d required positional argument%s: %s" % (
            where, len(missing), "" if len(missing) == 1 else "s", names))
    return values


class ChainMap(object):
    # Several mappings searched in order as one (CPython's collections.ChainMap): lookups go
    # through `maps` front to back; writes and deletions touch the first mapping only.
    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return mapping[key]
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        seen = {}
        for mapping in reversed(self.maps):
            for key in mapping:
                seen[key] = None
        return iter(seen)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        return "%s(%s)" % (self.__class__.__name__, ", ".join(map(repr, self.maps)))

    def keys(self):
        return list(self)

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]

    def copy(self):
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None):
        if m is None:
            m = {}
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError("Key not found in the first mapping: %r" % (key,))

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError("Key not found in the first mapping: %r" % (key,))

    def clear(self):
        self.maps[0].clear()

    def __eq__(self, other):
        return dict(self.items()) == dict(other.items())


class UserDict(_DictWrapper):
    # A dict-like class to subclass (a lock around __setitem__, say): its items live in
    # `self.data`, and update() and the constructor store through __setitem__, as CPython's.
    def __init__(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError("expected at most 1 argument, got %d" % len(args))
        self._data = {}
        if args and args[0] is not None:
            self.update(args[0])
        if kwargs:
            self.update(kwargs)

    @property
    def data(self):
        return self._data

    @data.setter
    def data(self, value):
        self._data = value

    def __repr__(self):
        return repr(self._data)


class UserList(object):
    # A list-like class to subclass: its items live in `self.data`; slices, `+` and `*` make
    # instances of the same class, as CPython's.
    def __init__(self, initlist=None):
        self.data = []
        if initlist is not None:
            self.data[:] = list(initlist.data if isinstance(initlist, UserList) else initlist)

    def _items(self, other):
        return other.data if isinstance(other, UserList) else other

    def __repr__(self):
        return repr(self.data)

    def __eq__(self, other):
        return self.data == self._items(other)

    def __lt__(self, other):
        return self.data < self._items(other)

    def __le__(self, other):
        return self.data <= self._items(other)

    def __gt__(self, other):
        return self.data > self._items(other)

    def __ge__(self, other):
        return self.data >= self._items(other)

    def __contains__(self, item):
        return item in self.data

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return iter(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice) and _gilsim.version >= (3, 7):
            return self.__class__(self.data[i])
        return self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __add__(self, other):
        return self.__class__(self.data + list(self._items(other)))

    def __radd__(self, other):
        return self.__class__(list(self._items(other)) + self.data)

    def __iadd__(self, other):
        self.data += list(self._items(other))
        return self

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def append(self, item):
        self.data.append(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def count(self, item):
        return self.data.count(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def reverse(self):
        self.data.reverse()

    def sort(self, *args, **kwargs):
        self.data.sort(*args, **kwargs)

    def extend(self, other):
        self.data.extend(self._items(other))



# sys.maxsize: the default end of UserString's searches.
_MAXSIZE = 9223372036854775807


class UserString(object):
    # A str-like class to subclass: its text lives in `self.data`; what returns text returns an
    # instance of the same class, what returns parts (split, partition) plain strs, as CPython's.
    def __init__(self, seq):
        if isinstance(seq, str):
            self.data = seq
        elif isinstance(seq, UserString):
            self.data = seq.data[:]
        else:
            self.data = str(seq)

    def _text(self, other):
        return other.data if isinstance(other, UserString) else other

    def __str__(self):
        return str(self.data)

    def __repr__(self):
        return repr(self.data)

    def __int__(self):
        return int(self.data)

    def __float__(self):
        return float(self.data)

    def __complex__(self):
        return complex(self.data)

    def __hash__(self):
        return hash(self.data)

    def __getnewargs__(self):
        return (self.data[:],)

    def __eq__(self, string):
        return self.data == self._text(string)

    def __lt__(self, string):
        return self.data < self._text(string)

    def __le__(self, string):
        return self.data <= self._text(string)

    def __gt__(self, string):
        return self.data > self._text(string)

    def __ge__(self, string):
        return self.data >= self._text(string)

    def __contains__(self, char):
        return self._text(char) in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        return self.__class__(self.data[index])

    def __add__(self, other):
        if isinstance(other, UserString):
            return self.__class__(self.data + other.data)
        if isinstance(other, str):
            return self.__class__(self.data + other)
        return self.__class__(self.data + str(other))

    def __radd__(self, other):
        if isinstance(other, str):
            return self.__class__(other + self.data)
        return self.__class__(str(other) + self.data)

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __mod__(self, args):
        return self.__class__(self.data % args)

    def __rmod__(self, template):
        return self.__class__(str(template) % self)

    def capitalize(self):
        return self.__class__(self.data.capitalize())

    def casefold(self):
        return self.__class__(self.data.casefold())

    def center(self, width, *args):
        return self.__class__(self.data.center(width, *args))

    def count(self, sub, start=0, end=_MAXSIZE):
        return self.data.count(self._text(sub), start, end)

    if _gilsim.version >= (3, 9):
        def removeprefix(self, prefix):
            return self.__class__(self.data.removeprefix(self._text(prefix)))

        def removesuffix(self, suffix):
            return self.__class__(self.data.removesuffix(self._text(suffix)))

    if _gilsim.version >= (3, 8):
        def encode(self, encoding="utf-8", errors="strict"):
            encoding = "utf-8" if encoding is None else encoding
            errors = "strict" if errors is None else errors
            return self.data.encode(encoding, errors)
    else:
        def encode(self, encoding=None, errors=None):
            if encoding:
                if errors:
                    return self.__class__(self.data.encode(encoding, errors))
                return self.__class__(self.data.encode(encoding))
            return self.__class__(self.data.encode())

    def endswith(self, suffix, start=0, end=_MAXSIZE):
        return self.data.endswith(suffix, start, end)

    def expandtabs(self, tabsize=8):
        return self.__class__(self.data.expandtabs(tabsize))

    def find(self, sub, start=0, end=_MAXSIZE):
        return self.data.find(self._text(sub), start, end)

    def format(self, *args, **kwds):
        return self.data.format(*args, **kwds)

    def format_map(self, mapping):
        return self.data.format_map(mapping)

    def index(self, sub, start=0, end=_MAXSIZE):
        return self.data.index(self._text(sub), start, end)

    def isalpha(self):
        return self.data.isalpha()

    def isalnum(self):
        return self.data.isalnum()

    if _gilsim.version >= (3, 7):
        def isascii(self):
            return self.data.isascii()

    def isdecimal(self):
        return self.data.isdecimal()

    def isdigit(self):
        return self.data.isdigit()

    def isidentifier(self):
        return self.data.isidentifier()

    def islower(self):
        return self.data.islower()

    def isnumeric(self):
        return self.data.isnumeric()

    def isprintable(self):
        return self.data.isprintable()

    def isspace(self):
        return self.data.isspace()

    def istitle(self):
        return self.data.istitle()

    def isupper(self):
        return self.data.isupper()

    def join(self, seq):
        return self.data.join(seq)

    def ljust(self, width, *args):
        return self.__class__(self.data.ljust(width, *args))

    def lower(self):
        return self.__class__(self.data.lower())

    def lstrip(self, chars=None):
        return self.__class__(self.data.lstrip(chars))

    maketrans = str.maketrans

    def partition(self, sep):
        return self.data.partition(sep)

    def replace(self, old, new, maxsplit=-1):
        return self.__class__(self.data.replace(self._text(old), self._text(new), maxsplit))

    def rfind(self, sub, start=0, end=_MAXSIZE):
        return self.data.rfind(self._text(sub), start, end)

    def rindex(self, sub, start=0, end=_MAXSIZE):
        return self.data.rindex(self._text(sub), start, end)

    def rjust(self, width, *args):
        return self.__class__(self.data.rjust(width, *args))

    def rpartition(self, sep):
        return self.data.rpartition(sep)

    def rstrip(self, chars=None):
        return self.__class__(self.data.rstrip(chars))

    def split(self, sep=None, maxsplit=-1):
        return self.data.split(sep, maxsplit)

    def rsplit(self, sep=None, maxsplit=-1):
        return self.data.rsplit(sep, maxsplit)

    def splitlines(self, keepends=False):
        return self.data.splitlines(keepends)

    def startswith(self, prefix, start=0, end=_MAXSIZE):
        return self.data.startswith(prefix, start, end)

    def strip(self, chars=None):
        return self.__class__(self.data.strip(chars))

    def swapcase(self):
        return self.__class__(self.data.swapcase())

    def title(self):
        return self.__class__(self.data.title())

    def translate(self, *args):
        return self.__class__(self.data.translate(*args))

    def upper(self):
        return self.__class__(self.data.upper())

    def zfill(self, width):
        return self.__class__(self.data.zfill(width))


if _gilsim.version < (3,):
    del UserString

# Until 3.10 the ABCs of collections.abc are collections' attributes too (3.6 imports them,
# 3.7-3.9 lend them through a module __getattr__ that warns on first use; gilsim lends them
# to 3.6 the same way, without the warning).
_ABC_NAMES = (
    "Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator", "Hashable",
    "Iterable", "Iterator", "Generator", "Reversible", "Sized", "Container", "Callable",
    "Collection", "Set", "MutableSet", "Mapping", "MutableMapping", "MappingView", "KeysView",
    "ItemsView", "ValuesView", "Sequence", "MutableSequence", "ByteString",
)

if _gilsim.version < (3, 10):
    _lent = {}

    def __getattr__(name):
        if name not in _ABC_NAMES:
            raise AttributeError("module 'collections' has no attribute %r" % (name,))
        if name not in _lent:
            import collections.abc
            if _gilsim.version >= (3, 7):
                # Reported as the default filter does (importing warnings here would link `re`
                # into every program that uses sys): once per line of the script that asked.
                until = ",and in 3.9" if _gilsim.version < (3, 8) else ", and in 3.10"
                _gilsim.warn("Using or importing the ABCs from 'collections' instead of from "
                             "'collections.abc' is deprecated since Python 3.3" + until
                             + " it will stop working", "DeprecationWarning", 1, True)
            _lent[name] = getattr(collections.abc, name)
        return _lent[name]
