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
    def __iter__(self):
        return self

    def __next__(self):
        return _gilsim.gen_resume(self, None, None)

    def send(self, value):
        return _gilsim.gen_resume(self, value, None)

    def throw(self, exc, *rest):
        return _gilsim.gen_resume(self, None, exc)

    def close(self):
        _gilsim.gen_close(self)

    def __repr__(self):
        return "<generator object %s at %#x>" % (_gilsim.gen_name(self), id(self))


def next_or(iterator, default):
    # `next(iterator, default)` for an iterator whose __next__ is Python code.
    try:
        return iterator.__next__()
    except StopIteration:
        return default
