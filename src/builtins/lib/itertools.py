"""Iterator building blocks: infinite iterators (count, cycle, repeat), iterators
that stop at the shortest input (accumulate, chain, compress, dropwhile, filterfalse,
groupby, islice, pairwise, starmap, takewhile, tee, zip_longest) and combinatorics
(product, permutations, combinations, combinations_with_replacement). Each is a
class, as in CPython, so `type(count())` is `itertools.count` and count and repeat
have CPython's reprs. (glasspy's own Python code; CPython's is in C.)"""

import sys as _sys

_maxsize = _sys.maxsize
del _sys

_NULL = object()


class _Iterator:
    """The iterator protocol the classes below share."""

    __slots__ = ()

    def __iter__(self):
        return self


class count(_Iterator):
    """count(start=0, step=1): start, start + step, start + 2 * step, ..."""

    __slots__ = ("_n", "_step")

    def __init__(self, start=0, step=1):
        for v in (start, step):
            t = type(v)
            if not isinstance(v, (int, float)) and not any(
                    hasattr(t, m) for m in ("__index__", "__int__", "__float__", "__complex__")):
                raise TypeError("a number is required")
        self._n = start
        self._step = step

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        name = type(self).__name__
        step = self._step
        if type(step) is int and step == 1:
            return "%s(%s)" % (name, repr(self._n))
        return "%s(%s, %s)" % (name, repr(self._n), repr(step))

    def __reduce__(self):
        if type(self._step) is int and self._step == 1:
            return type(self), (self._n,)
        return type(self), (self._n, self._step)


class cycle(_Iterator):
    """cycle(iterable): its items, then the same items again, forever."""

    __slots__ = ("_it", "_saved", "_index", "_first_pass")

    def __init__(self, iterable):
        self._it = iter(iterable)
        self._saved = []
        self._index = 0
        self._first_pass = True

    def __next__(self):
        if self._first_pass:
            for item in self._it:
                self._saved.append(item)
                return item
            self._first_pass = False
        if not self._saved:
            raise StopIteration
        item = self._saved[self._index]
        self._index = (self._index + 1) % len(self._saved)
        return item


class repeat(_Iterator):
    """repeat(object[, times]): object, over and over (`times` times)."""

    __slots__ = ("_object", "_times")

    def __init__(self, object, times=None):
        self._object = object
        if times is not None:
            if not isinstance(times, int):
                raise TypeError("'%s' object cannot be interpreted as an integer"
                                % type(times).__name__)
            if times < 0:
                times = 0
        self._times = times

    def __next__(self):
        if self._times is None:
            return self._object
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times

    def __repr__(self):
        if self._times is None:
            return "%s(%r)" % (type(self).__name__, self._object)
        return "%s(%r, %d)" % (type(self).__name__, self._object, self._times)


class accumulate(_Iterator):
    """accumulate(iterable[, func, *, initial=None]): running totals (or running
    results of func), starting with `initial` when it is given."""

    __slots__ = ("_it", "_func", "_total", "_initial")

    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._func = func
        self._total = _NULL
        self._initial = initial

    def __next__(self):
        if self._initial is not None:
            self._total = self._initial
            self._initial = None
            return self._total
        for item in self._it:
            if self._total is _NULL:
                self._total = item
            elif self._func is None:
                self._total = self._total + item
            else:
                self._total = self._func(self._total, item)
            return self._total
        raise StopIteration


class chain(_Iterator):
    """chain(*iterables): the items of the first iterable, then of the next, ..."""

    __slots__ = ("_sources", "_active")

    def __init__(self, *iterables):
        self._sources = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterables):
        """chain.from_iterable(iterables): chain(*iterables), reading `iterables`
        lazily."""
        self = cls.__new__(cls)
        self._sources = iter(iterables)
        self._active = None
        return self

    def __next__(self):
        while True:
            if self._active is None:
                if self._sources is None:
                    raise StopIteration
                for source in self._sources:
                    self._active = iter(source)
                    break
                else:
                    self._sources = None
                    raise StopIteration
            for item in self._active:
                return item
            self._active = None


class compress(_Iterator):
    """compress(data, selectors): the items of data whose selector is true."""

    __slots__ = ("_data", "_selectors")

    def __init__(self, data, selectors):
        self._data = iter(data)
        self._selectors = iter(selectors)

    def __next__(self):
        for item, keep in zip(self._data, self._selectors):
            if keep:
                return item
        raise StopIteration


class dropwhile(_Iterator):
    """dropwhile(predicate, iterable): the items from the first one for which the
    predicate is false."""

    __slots__ = ("_pred", "_it", "_dropping")

    def __init__(self, predicate, iterable):
        self._pred = predicate
        self._it = iter(iterable)
        self._dropping = True

    def __next__(self):
        for item in self._it:
            if self._dropping:
                if self._pred(item):
                    continue
                self._dropping = False
            return item
        raise StopIteration


class takewhile(_Iterator):
    """takewhile(predicate, iterable): the items up to the first one for which the
    predicate is false."""

    __slots__ = ("_pred", "_it", "_done")

    def __init__(self, predicate, iterable):
        self._pred = predicate
        self._it = iter(iterable)
        self._done = False

    def __next__(self):
        if not self._done:
            for item in self._it:
                if self._pred(item):
                    return item
                break
            self._done = True
        raise StopIteration


class filterfalse(_Iterator):
    """filterfalse(predicate, iterable): the items for which the predicate is false
    (with predicate None: the false items)."""

    __slots__ = ("_pred", "_it")

    def __init__(self, function, iterable):
        self._pred = function
        self._it = iter(iterable)

    def __next__(self):
        pred = self._pred
        for item in self._it:
            if not (item if pred is None else pred(item)):
                return item
        raise StopIteration


def _same(a, b):
    # PyObject_RichCompareBool: identity implies equality.
    return a is b or a == b


class groupby(_Iterator):
    """groupby(iterable, key=None): (key, group) for each run of consecutive items
    with the same key; a group is valid until the next one is asked for."""

    __slots__ = ("_it", "_keyfunc", "_tgtkey", "_currkey", "_currvalue", "_currgrouper")

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgtkey = self._currkey = self._currvalue = _NULL
        self._currgrouper = None

    def _step(self):
        value = next(self._it)
        key = value if self._keyfunc is None else self._keyfunc(value)
        self._currvalue = value
        self._currkey = key

    def __next__(self):
        self._currgrouper = None
        # Skip what is left of the current group.
        while True:
            if self._currkey is _NULL:
                pass
            elif self._tgtkey is _NULL or not _same(self._tgtkey, self._currkey):
                break
            self._step()
        self._tgtkey = self._currkey
        grouper = _grouper(self, self._tgtkey)
        self._currgrouper = grouper
        return (self._currkey, grouper)


class _grouper(_Iterator):
    __slots__ = ("_parent", "_tgtkey")

    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey

    def __next__(self):
        parent = self._parent
        if parent._currgrouper is not self:
            raise StopIteration
        if parent._currvalue is _NULL:
            parent._step()
        if not _same(self._tgtkey, parent._currkey):
            raise StopIteration
        value = parent._currvalue
        parent._currvalue = _NULL
        parent._currkey = _NULL
        return value


def _ssize(v):
    """The int value of v (None if it is not an integer or does not fit)."""
    if isinstance(v, int):
        v = int(v)
    else:
        index = getattr(type(v), "__index__", None)
        if index is None:
            return None
        v = index(v)
    if -_maxsize - 1 <= v <= _maxsize:
        return v
    return None


class islice(_Iterator):
    """islice(iterable, stop) / islice(iterable, start, stop[, step]): the items
    the slice [start:stop:step] would take, read lazily."""

    __slots__ = ("_it", "_next", "_stop", "_step", "_count")

    def __init__(self, *args):
        if len(args) < 2:
            raise TypeError("islice expected at least 2 arguments, got %d" % len(args))
        if len(args) > 4:
            raise TypeError("islice expected at most 4 arguments, got %d" % len(args))
        iterable = args[0]
        start, stop, step = 0, -1, 1
        if len(args) == 2:
            if args[1] is not None:
                stop = _ssize(args[1])
                if stop is None or stop == -1:
                    raise ValueError("Stop argument for islice() must be None or an "
                                     "integer: 0 <= x <= sys.maxsize.")
        else:
            if args[1] is not None:
                start = _ssize(args[1])
                if start is None:
                    start = -1
            if args[2] is not None:
                stop = _ssize(args[2])
                if stop is None or stop == -1:
                    raise ValueError("Indices for islice() must be None or an integer: "
                                     "0 <= x <= sys.maxsize.")
        if start < 0 or stop < -1:
            raise ValueError("Indices for islice() must be None or an integer: "
                             "0 <= x <= sys.maxsize.")
        if len(args) == 4 and args[3] is not None:
            step = _ssize(args[3])
            if step is None:
                step = -1
        if step < 1:
            raise ValueError("Step for islice() must be a positive integer or None.")
        self._it = iter(iterable)
        self._next = start
        self._stop = stop
        self._step = step
        self._count = 0

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        stop = self._stop
        try:
            while self._count < self._next:
                next(it)
                self._count += 1
            if stop != -1 and self._count >= stop:
                raise StopIteration
            item = next(it)
        except StopIteration:
            self._it = None
            raise
        self._count += 1
        self._next += self._step
        if stop != -1 and self._next > stop:
            self._next = stop
        return item


class pairwise(_Iterator):
    """pairwise(iterable): (s0, s1), (s1, s2), (s2, s3), ..."""

    __slots__ = ("_it", "_old")

    def __init__(self, iterable):
        self._it = iter(iterable)
        self._old = pairwise

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        if self._old is pairwise:
            for first in it:
                self._old = first
                break
            else:
                self._it = None
                raise StopIteration
        for new in it:
            old, self._old = self._old, new
            return (old, new)
        self._it = None
        self._old = None
        raise StopIteration


class starmap(_Iterator):
    """starmap(function, iterable): function(*args) for each args of iterable."""

    __slots__ = ("_func", "_it")

    def __init__(self, function, iterable):
        self._func = function
        self._it = iter(iterable)

    def __next__(self):
        for args in self._it:
            return self._func(*args)
        raise StopIteration


class zip_longest(_Iterator):
    """zip_longest(*iterables, fillvalue=None): tuples of the iterables' items, the
    shorter ones padded with fillvalue."""

    __slots__ = ("_its", "_active", "_fill")

    def __init__(self, *iterables, fillvalue=None):
        self._its = [iter(it) for it in iterables]
        self._active = len(self._its)
        self._fill = fillvalue

    def __next__(self):
        its = self._its
        if not its or not self._active:
            raise StopIteration
        result = []
        for i, it in enumerate(its):
            if it is None:
                result.append(self._fill)
                continue
            for value in it:
                result.append(value)
                break
            else:
                self._active -= 1
                if not self._active:
                    self._its = []
                    raise StopIteration
                its[i] = None
                result.append(self._fill)
        return tuple(result)


class _tee_link:
    __slots__ = ("value", "next")

    def __init__(self):
        self.next = None


class _tee(_Iterator):
    """One of tee()'s iterators: they share a linked list of the items read."""

    __slots__ = ("_source", "_link")

    def __init__(self, source, link):
        self._source = source
        self._link = link

    def __next__(self):
        link = self._link
        if link.next is None:
            value = next(self._source)
            link.value = value
            link.next = _tee_link()
        self._link = link.next
        return link.value

    def __copy__(self):
        return _tee(self._source, self._link)


_tee.__name__ = "_tee"


def tee(iterable, n=2):
    """tee(iterable, n=2): n independent iterators over the same items."""
    if not isinstance(n, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return ()
    it = iter(iterable)
    if isinstance(it, _tee):
        first = it.__copy__()
    else:
        first = _tee(it, _tee_link())
    result = [first]
    for _ in range(n - 1):
        result.append(first.__copy__())
    return tuple(result)


class product(_Iterator):
    """product(*iterables, repeat=1): the cartesian product, as tuples, the
    rightmost element advancing fastest."""

    __slots__ = ("_pools", "_indices", "_done")

    def __init__(self, *iterables, repeat=1):
        if not isinstance(repeat, int):
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(repeat).__name__)
        if repeat < 0:
            raise ValueError("repeat argument cannot be negative")
        self._pools = [tuple(p) for p in iterables] * repeat
        self._indices = None
        self._done = any(len(p) == 0 for p in self._pools)

    def __next__(self):
        if self._done:
            raise StopIteration
        pools = self._pools
        indices = self._indices
        if indices is None:
            self._indices = [0] * len(pools)
            return tuple(p[0] for p in pools)
        i = len(pools) - 1
        while i >= 0:
            indices[i] += 1
            if indices[i] < len(pools[i]):
                return tuple(pools[j][indices[j]] for j in range(len(pools)))
            indices[i] = 0
            i -= 1
        self._done = True
        raise StopIteration


def _check_r(r):
    if not isinstance(r, int):
        raise TypeError("Expected int as r")
    if r < 0:
        raise ValueError("r must be non-negative")


class combinations(_Iterator):
    """combinations(iterable, r): the r-length subsequences, in input order."""

    __slots__ = ("_pool", "_r", "_indices", "_done")

    def __init__(self, iterable, r):
        _check_r(r)
        self._pool = tuple(iterable)
        self._r = r
        self._indices = None
        self._done = r > len(self._pool)

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r = self._pool, self._r
        n = len(pool)
        indices = self._indices
        if indices is None:
            self._indices = list(range(r))
            return tuple(pool[i] for i in self._indices)
        i = r - 1
        while i >= 0 and indices[i] == i + n - r:
            i -= 1
        if i < 0:
            self._done = True
            raise StopIteration
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        return tuple(pool[i] for i in indices)


class combinations_with_replacement(_Iterator):
    """combinations_with_replacement(iterable, r): r-length combinations whose items
    may repeat."""

    __slots__ = ("_pool", "_r", "_indices", "_done")

    def __init__(self, iterable, r):
        _check_r(r)
        self._pool = tuple(iterable)
        self._r = r
        self._indices = None
        self._done = not self._pool and r > 0

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r = self._pool, self._r
        n = len(pool)
        indices = self._indices
        if indices is None:
            self._indices = [0] * r
            return tuple(pool[i] for i in self._indices)
        i = r - 1
        while i >= 0 and indices[i] == n - 1:
            i -= 1
        if i < 0:
            self._done = True
            raise StopIteration
        value = indices[i] + 1
        for j in range(i, r):
            indices[j] = value
        return tuple(pool[i] for i in indices)


class permutations(_Iterator):
    """permutations(iterable, r=None): the r-length orderings (all of them when r is
    None), in lexicographic order of positions."""

    __slots__ = ("_pool", "_r", "_indices", "_cycles", "_done")

    def __init__(self, iterable, r=None):
        self._pool = tuple(iterable)
        n = len(self._pool)
        if r is None:
            r = n
        else:
            _check_r(r)
        self._r = r
        self._indices = None
        self._cycles = None
        self._done = r > n

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r = self._pool, self._r
        n = len(pool)
        if self._indices is None:
            self._indices = list(range(n))
            self._cycles = list(range(n, n - r, -1))
            return tuple(pool[i] for i in self._indices[:r])
        indices, cycles = self._indices, self._cycles
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                return tuple(pool[i] for i in indices[:r])
        self._done = True
        raise StopIteration


for _cls in (count, cycle, repeat, accumulate, chain, compress, dropwhile, takewhile,
             filterfalse, groupby, islice, pairwise, starmap, zip_longest, product,
             combinations, combinations_with_replacement, permutations):
    _cls.__module__ = "itertools"
del _cls
