# heapq: CPython's pure-Python algorithms (Lib/heapq.py). CPython runs its C accelerator,
# where each call is atomic under the GIL; here a call has switch points inside it
# (docs/language.md), which only matters for a heap shared by threads without a lock.


import _gilsim


def _check_heap(heap, function):
    # The C functions' argument check: a list (or a subclass) only.
    if not isinstance(heap, list):
        if _gilsim.version < (3, 10):
            raise TypeError("heap argument must be a list")
        shown = "None" if heap is None else type(heap).__name__
        # Argument Clinic numbers the argument only when there are two.
        which = "argument" if function in ("heappop", "heapify") else "argument 1"
        raise TypeError("%s() %s must be list, not %s" % (function, which, shown))


def heappush(heap, item):
    _check_heap(heap, "heappush")
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    _check_heap(heap, "heappop")
    if not heap:
        raise IndexError("index out of range")
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup(heap, 0)
        return returnitem
    return lastelt


def heapreplace(heap, item):
    _check_heap(heap, "heapreplace")
    if not heap:
        raise IndexError("index out of range")
    returnitem = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return returnitem


def heappushpop(heap, item):
    _check_heap(heap, "heappushpop")
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x):
    _check_heap(x, "heapify")
    n = len(x)
    for i in reversed(range(n // 2)):
        _siftup(x, i)


def _siftdown(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


def nlargest(n, iterable, key=None):
    return sorted(iterable, key=key, reverse=True)[:n]


def nsmallest(n, iterable, key=None):
    return sorted(iterable, key=key)[:n]


def merge(*iterables, key=None, reverse=False):
    items = []
    for it in iterables:
        items.extend(it)
    return iter(sorted(items, key=key, reverse=reverse))
