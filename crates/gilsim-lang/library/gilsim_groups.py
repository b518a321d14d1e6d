# _gilsim_groups: exception groups (PEP 654, 3.11). The methods `split`, `subgroup` and
# `derive` of BaseExceptionGroup (CPython's exceptiongroup_split_recursive and
# exceptiongroup_subset in Objects/exceptions.c), and the matching of `except*` clauses
# (CHECK_EG_MATCH and _PyExc_PrepReraiseStar): the compiler (compiler/except_star.rs) calls
# star_begin when the exception arrives, star_match for each clause, star_raised for an
# exception leaving a clause, and re-raises what star_finish returns unless it is None.
import _gilsim


def _check_type(condition):
    return isinstance(condition, type) and issubclass(condition, BaseException)


def _matcher(condition):
    if _check_type(condition):
        return lambda exc: isinstance(exc, condition)
    if isinstance(condition, tuple) and all(_check_type(c) for c in condition):
        return lambda exc: isinstance(exc, condition)
    if callable(condition) and not isinstance(condition, type):
        return condition
    raise TypeError("expected an exception type, a tuple of exception types, or a callable (other than a class)")


def _subset(group, exceptions):
    if not exceptions:
        return None
    derived = group.derive(exceptions)
    if not isinstance(derived, BaseExceptionGroup):
        raise TypeError("derive must return an instance of BaseExceptionGroup")
    _gilsim.copy_exception_state(group, derived)
    return derived


def _split(exc, matches, with_rest):
    if matches(exc):
        return exc, None
    if not isinstance(exc, BaseExceptionGroup):
        return None, (exc if with_rest else None)
    matched = []
    rest = []
    for member in exc.exceptions:
        m, r = _split(member, matches, with_rest)
        if m is not None:
            matched.append(m)
        if r is not None:
            rest.append(r)
    return _subset(exc, matched), (_subset(exc, rest) if with_rest else None)


def split(group, condition):
    return _split(group, _matcher(condition), True)


def subgroup(group, condition):
    return _split(group, _matcher(condition), False)[0]


def derive(group, exceptions):
    return BaseExceptionGroup(group.message, exceptions)


class _Star:
    # One `try ... except*` statement's state: the exception that arrived, what no clause
    # has matched yet, the match of the running clause and what the clauses raised.
    __slots__ = ("original", "rest", "match", "raised")

    def __init__(self, exc):
        self.original = exc
        self.rest = exc
        self.match = None
        self.raised = []


def star_begin(exc):
    return _Star(exc)


def _check_star_types(types):
    for t in (types if isinstance(types, tuple) else (types,)):
        if not _check_type(t):
            raise TypeError("catching classes that do not inherit from BaseException is not allowed")
        if issubclass(t, BaseExceptionGroup):
            raise TypeError("catching ExceptionGroup with except* is not allowed. Use except instead.")


def star_match(state, types):
    _check_star_types(types)
    rest = state.rest
    if rest is None:
        return False
    if isinstance(rest, types):
        if isinstance(rest, BaseExceptionGroup):
            match = rest
        else:
            # A naked exception is handled as a group of one, with no traceback of its own.
            match = BaseExceptionGroup("", (rest,))
        state.rest = None
    elif isinstance(rest, BaseExceptionGroup):
        match, state.rest = rest.split(types)
        if match is None:
            return False
    else:
        return False
    state.match = match
    return True


def star_raised(state, exc):
    state.raised.append(exc)


def _leaf_ids(exc, ids):
    if isinstance(exc, BaseExceptionGroup):
        for member in exc.exceptions:
            _leaf_ids(member, ids)
    else:
        ids.add(id(exc))


def star_finish(state):
    original = state.original
    excs = state.raised
    if state.rest is not None:
        excs.append(state.rest)
    if not excs:
        return None
    if not isinstance(original, BaseExceptionGroup):
        # A naked exception: at most one clause ran.
        return excs[0]
    raised = []
    kept = set()
    for exc in excs:
        if _gilsim.same_exception_state(exc, original):
            _leaf_ids(exc, kept)
        else:
            raised.append(exc)
    reraised = _split(original, lambda exc: id(exc) in kept, False)[0] if kept else None
    if not raised:
        return reraised
    if reraised is not None:
        raised.append(reraised)
    if len(raised) > 1:
        return BaseExceptionGroup("", raised)
    return raised[0]
