# Built-ins that consume an iterable (list(), tuple(), set(), sorted(), sum()) hand a
# Python-level iterator here, so that its __next__ runs in frames of the calling thread and
# may block (a results iterator waiting on a future), as it may under CPython.


def reapply(builtin, iterable, *args, **kwargs):
    items = []
    for item in iterable:
        items.append(item)
    return builtin(items, *args, **kwargs)
