# copy: shallow and deep copies as CPython's Lib/copy.py makes them. Built-in containers are
# copied directly and atomic values (numbers, strings, functions, classes) are their own
# copies; any other object through its __copy__/__deepcopy__, else through its reduction:
# the __reduce_ex__/__reduce__ its class defines, else object's (the class, its state from
# __getstate__ or its __dict__ and slots, its items). Objects that have no reduction raise
# pickling's error, so copying an object that holds a lock fails as in CPython (TypeError:
# cannot pickle '_thread.lock' object). A memo copies shared and cyclic parts once.
import _gilsim
from _gilsim_reduce import is_namedtuple as _is_namedtuple, slot_values as _slot_values
from _gilsim_reduce import new_args as _new_args, new_object as _newobj, user_hook as _user_hook


class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, bytes, str, type, range, type(len), type(Ellipsis),
           type(NotImplemented), type(lambda: 0), property)


def copy(x):
    cls = type(x)
    if cls in _ATOMIC or cls in (tuple, frozenset) or isinstance(x, type):
        return x
    if cls in (list, dict, set, bytearray):
        return cls(x)
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC or isinstance(x, type):
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        y = [deepcopy(a, memo) for a in x]
        # A tuple of atomic parts is its own copy; one that contains itself got its copy
        # while its parts were copied.
        try:
            return memo[d]
        except KeyError:
            pass
        for k, j in zip(x, y):
            if k is not j:
                y = tuple(y)
                break
        else:
            y = x
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls.__name__ == "method" and hasattr(x, "__func__"):
        y = type(x)(x.__func__, deepcopy(x.__self__, memo))
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    # An object that is its own copy is not memoised.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reduce(x):
    # What x.__reduce_ex__(4) returns in CPython.
    cls = type(x)
    reduce_ex = _user_hook(x, "__reduce_ex__")
    if reduce_ex is not None:
        return reduce_ex(4)
    reduce = _user_hook(x, "__reduce__")
    if reduce is not None:
        return reduce()
    if isinstance(x, BaseException):
        state = dict(vars(x))
        return (cls, x.args, state) if state else (cls, x.args)
    if isinstance(x, (set, frozenset)):
        state = dict(vars(x)) if hasattr(x, "__dict__") and vars(x) else None
        return (cls, (list(x),), state)
    if isinstance(x, bytearray):
        state = dict(vars(x)) if hasattr(x, "__dict__") and vars(x) else None
        return (cls, (bytes(x),), state)
    _gilsim.reduce_check(x)
    if _is_namedtuple(cls):
        return (_newobj, (cls,) + tuple(x), None)
    getstate = _user_hook(x, "__getstate__")
    if getstate is not None:
        state = getstate()
    else:
        state = dict(vars(x)) if hasattr(x, "__dict__") and vars(x) else None
        slots = _slot_values(x)
        if slots:
            state = (state, slots)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    return (_newobj, (cls,) + _new_args(x), state, listitems, dictitems)


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None, *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        setstate = _user_hook(y, "__setstate__")
        if setstate is not None:
            setstate(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y
