# copy: shallow and deep copies of built-in containers and of instances (their attribute
# dicts), with a memo so shared and cyclic parts are copied once, as CPython's Lib/copy.py.


class Error(Exception):
    pass


def copy(x):
    cls = type(x)
    if cls in (list, dict, set, bytearray):
        return cls(x)
    if hasattr(x, "__copy__"):
        return x.__copy__()
    if cls in (int, float, bool, str, tuple, type(None), range, type):
        return x
    if hasattr(x, "__dict__"):
        new = object.__new__(cls)
        for k, v in x.__dict__.items():
            setattr(new, k, v)
        return new
    return x


def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    key = id(x)
    if key in memo:
        return memo[key]
    cls = type(x)
    if cls in (int, float, bool, str, type(None), range, type) or callable(x) and not hasattr(x, "__dict__"):
        return x
    if hasattr(x, "__deepcopy__"):
        y = x.__deepcopy__(memo)
    elif cls is list:
        y = []
        memo[key] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is dict:
        y = {}
        memo[key] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is tuple:
        y = tuple(deepcopy(item, memo) for item in x)
    elif cls is set:
        y = set(deepcopy(item, memo) for item in x)
    elif cls is bytearray:
        y = bytearray(x)
    elif hasattr(x, "__dict__"):
        y = object.__new__(cls)
        memo[key] = y
        for k, v in x.__dict__.items():
            setattr(y, k, deepcopy(v, memo))
    else:
        y = x
    memo[key] = y
    return y
