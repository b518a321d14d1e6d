# enum in Python, after CPython's Lib/enum.py: EnumMeta turns the names a class body assigns
# into members (instances made once, looked up by value with Color(1), by name with
# Color["RED"]), iterates them in definition order and keeps aliases. gilsim cannot subclass
# int, so IntEnum and IntFlag members compare, hash, format and compute as their int values
# but isinstance(member, int) is False (docs/language.md); so do the members of an enum with
# a str, int or float mixin (`class Color(str, Enum)`), which also lend the value's methods.
import _gilsim

_DESCRIPTOR_TYPES = ("function", "property", "builtin_function_or_method", "type")


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1] != "_" and name[-2] != "_"


class auto(object):
    # The value is chosen by the class's _generate_next_value_ when the class is made.
    def __init__(self):
        self.value = None

    def __repr__(self):
        return "auto(%r)" % self.value


class EnumMeta(type):
    def __new__(metacls, cls, bases, classdict, **kwds):
        members = []
        for key in list(classdict):
            value = classdict[key]
            if _is_dunder(key) or _is_sunder(key) or type(value).__name__ in _DESCRIPTOR_TYPES:
                continue
            members.append((key, value))
        for key, _ in members:
            del classdict[key]
        bases = tuple(_MIXED.get(base, base) for base in bases)
        enum_class = super().__new__(metacls, cls, bases, classdict, **kwds)
        enum_class._member_names_ = []
        enum_class._member_map_ = {}
        enum_class._value2member_map_ = {}
        for name, value in members:
            if isinstance(value, auto):
                last_values = [m._value_ for m in enum_class._member_map_.values()]
                value = enum_class._generate_next_value_(name, 1, len(enum_class._member_names_), last_values)
            enum_class._add_member_(name, value)
        return enum_class

    def __call__(cls, value, names=None, module=None, qualname=None, type=None, start=1):
        if names is not None:
            return cls._create_(value, names, start)
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        missing = cls._missing_(value)
        if missing is not None:
            return missing
        raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))

    def __iter__(cls):
        return iter([cls._member_map_[name] for name in cls._member_names_])

    def __reversed__(cls):
        return iter([cls._member_map_[name] for name in reversed(cls._member_names_)])

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        if isinstance(member, cls):
            return member._name_ in cls._member_map_
        if _gilsim.version >= (3, 12):
            return any(m._value_ == member for m in cls._member_map_.values())
        raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                        % (type(member).__qualname__, cls.__class__.__qualname__))

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __bool__(cls):
        return True

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    @property
    def __members__(cls):
        return dict(cls._member_map_)


EnumType = EnumMeta
Flag = None


class Enum(metaclass=EnumMeta):
    @classmethod
    def _add_member_(cls, name, value):
        for member in cls._member_map_.values():
            if member._value_ == value:
                # An alias: the name refers to the first member with that value.
                cls._member_map_[name] = member
                setattr(cls, name, member)
                return
        member = object.__new__(cls)
        member._name_ = name
        member._value_ = value
        init = getattr(cls, "__init__")
        if init is not object.__init__:
            args = value if isinstance(value, tuple) else (value,)
            member.__init__(*args)
        cls._member_names_.append(name)
        cls._member_map_[name] = member
        try:
            cls._value2member_map_[value] = member
        except TypeError:
            pass
        setattr(cls, name, member)

    @classmethod
    def _create_(cls, class_name, names, start):
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        pairs = []
        for i, item in enumerate(names):
            if isinstance(item, str):
                pairs.append((item, start + i))
            else:
                pairs.append(item)
        enum_class = EnumMeta(class_name, (cls,), {})
        for name, value in pairs:
            enum_class._add_member_(name, value)
        return enum_class

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for last in reversed(last_values):
            try:
                return last + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return "<%s.%s: %r>" % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __reduce_ex__(self, protocol):
        return self.__class__, (self._value_,)


class _ValueMixed(object):
    # A member of `class Color(str, Enum)`: it compares, hashes, computes and lends methods
    # as its value does; str() and repr() stay Enum's; format() is the value's before 3.11
    # and str()'s from 3.11. As a dict or set key it is its value (gilsim_vm::dict::Key).
    _gilsim_value_key_ = True

    def __eq__(self, other):
        return self._value_ == _plain(other)

    def __ne__(self, other):
        return self._value_ != _plain(other)

    def __lt__(self, other):
        return self._value_ < _plain(other)

    def __le__(self, other):
        return self._value_ <= _plain(other)

    def __gt__(self, other):
        return self._value_ > _plain(other)

    def __ge__(self, other):
        return self._value_ >= _plain(other)

    def __hash__(self):
        return hash(self._value_)

    def __bool__(self):
        return bool(self._value_)

    def __add__(self, other):
        return self._value_ + _plain(other)

    def __radd__(self, other):
        return _plain(other) + self._value_

    def __sub__(self, other):
        return self._value_ - _plain(other)

    def __rsub__(self, other):
        return _plain(other) - self._value_

    def __mul__(self, other):
        return self._value_ * _plain(other)

    def __rmul__(self, other):
        return _plain(other) * self._value_

    def __truediv__(self, other):
        return self._value_ / _plain(other)

    def __mod__(self, other):
        return self._value_ % _plain(other)

    def __len__(self):
        if isinstance(self._value_, (int, float)):
            raise TypeError("object of type '%s' has no len()" % type(self).__name__)
        return len(self._value_)

    def __contains__(self, item):
        return item in self._value_

    def __getitem__(self, index):
        if isinstance(self._value_, (int, float)):
            raise TypeError("'%s' object is not subscriptable" % type(self).__name__)
        return self._value_[index]

    def __iter__(self):
        if isinstance(self._value_, (int, float)):
            raise TypeError("'%s' object is not iterable" % type(self).__name__)
        return iter(self._value_)

    def __int__(self):
        return int(self._value_)

    def __float__(self):
        return float(self._value_)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._value_, name)

    def __format__(self, spec):
        if _gilsim.version >= (3, 11):
            return format(str(self), spec)
        return format(self._value_, spec)


class _IntValued(_ValueMixed):
    # What IntEnum and IntFlag members do as ints: the value's operations, an index, and
    # the value's formatting in every version.
    def __index__(self):
        return self._value_

    def __int__(self):
        return self._value_

    def __format__(self, spec):
        return format(self._value_, spec)


_MIXED = {str: _ValueMixed, int: _ValueMixed, float: _ValueMixed}


def _plain(value):
    return value._value_ if isinstance(value, Enum) else value


class IntEnum(_IntValued, Enum):
    def __str__(self):
        if _gilsim.version >= (3, 11):
            return str(self._value_)
        return "%s.%s" % (self.__class__.__name__, self._name_)


class StrEnum(Enum):
    _gilsim_value_key_ = True

    def __str__(self):
        return self._value_

    def __format__(self, spec):
        return format(self._value_, spec)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class Flag(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        high = 0
        for last in last_values:
            high = max(high, last)
        return 1 if high == 0 else high * 2

    @classmethod
    def _missing_(cls, value):
        # A combination of members: a pseudo-member made once, named by the members it
        # covers (by falling value before 3.11, in definition order after), nameless for 0.
        if not isinstance(value, int):
            return None
        member = object.__new__(cls)
        member._value_ = value
        covered = [m for m in cls if m._value_ and m._value_ & value == m._value_]
        if _gilsim.version < (3, 11):
            covered.sort(key=lambda m: m._value_, reverse=True)
        member._name_ = "|".join([m._name_ for m in covered]) if covered else None
        cls._value2member_map_[value] = member
        return member

    @classmethod
    def _all_bits(cls):
        mask = 0
        for m in cls:
            mask |= m._value_
        return mask

    def _other_value(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        return NotImplemented

    def __or__(self, other):
        value = self._other_value(other)
        if value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ | value)

    def __and__(self, other):
        value = self._other_value(other)
        if value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ & value)

    def __xor__(self, other):
        value = self._other_value(other)
        if value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ ^ value)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return self.__class__(self._all_bits() & ~self._value_)

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            if _gilsim.version < (3, 7):
                return isinstance(other, int) and other & self._value_ == other
            if _gilsim.version < (3, 8):
                _gilsim.warn("using non-Flags in containment checks will raise TypeError in Python 3.8", "DeprecationWarning", 1, True)
                return False
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r"
                % (type(other).__qualname__, self.__class__.__qualname__)
            )
        return other._value_ & self._value_ == other._value_

    if _gilsim.version >= (3, 11):
        # A flag iterates over the members it covers from 3.11 (before, it is no container).
        def __iter__(self):
            return iter([m for m in self.__class__ if m._value_ and m._value_ & self._value_ == m._value_])

        def __len__(self):
            return len(list(self.__iter__()))

    def __bool__(self):
        return bool(self._value_)

    def __repr__(self):
        name = self.__class__.__name__
        if self._name_ is not None:
            return "<%s.%s: %r>" % (name, self._name_, self._value_)
        if _gilsim.version >= (3, 11):
            return "<%s: %r>" % (name, self._value_)
        return "<%s.%r: %r>" % (name, self._value_, self._value_)

    def __str__(self):
        name = self.__class__.__name__
        if self._name_ is not None:
            return "%s.%s" % (name, self._name_)
        if _gilsim.version >= (3, 11):
            return "%s(%r)" % (name, self._value_)
        return "%s.%r" % (name, self._value_)


class IntFlag(_IntValued, Flag):
    # CPython's IntFlag is an int: operations with ints keep the flag type, and from 3.11
    # str() is the int's.
    def _other_value(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        if isinstance(other, int):
            return int(other)
        return NotImplemented

    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__or__
    __rand__ = Flag.__and__
    __rxor__ = Flag.__xor__
    __contains__ = Flag.__contains__
    if _gilsim.version >= (3, 11):
        __iter__ = Flag.__iter__
        __len__ = Flag.__len__
    __bool__ = Flag.__bool__
    __repr__ = Flag.__repr__

    def __invert__(self):
        if _gilsim.version >= (3, 11):
            return self.__class__(self._all_bits() & ~self._value_)
        return self.__class__(~self._value_)

    def __str__(self):
        if _gilsim.version >= (3, 11):
            return str(self._value_)
        return Flag.__str__(self)


def unique(enumeration):
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member._name_:
            duplicates.append((name, member._name_))
    if duplicates:
        alias_details = ", ".join(["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError("duplicate values found in %r: %s" % (enumeration, alias_details))
    return enumeration
