"""Weak references: ref, proxy, WeakMethod, WeakValueDictionary, WeakKeyDictionary,
WeakSet and finalize, over the native _weakref module."""

from _weakref import (
    getweakrefcount, getweakrefs, ref, proxy, CallableProxyType, ProxyType,
    ReferenceType, _remove_dead_weakref)

import sys
import collections.abc as _abc
_GenericAlias = type(list[int])

ProxyTypes = (ProxyType, CallableProxyType)

__all__ = [
    "ref", "proxy", "getweakrefcount", "getweakrefs", "WeakKeyDictionary",
    "ReferenceType", "ProxyType", "CallableProxyType", "ProxyTypes",
    "WeakValueDictionary", "WeakSet", "WeakMethod", "finalize",
]


# ----- the shared part of the three weak containers --------------------------------
#
# Each container keeps its weak references in `data` (a set for WeakSet, a dict for the
# two mappings). Every reference it makes carries the container's `_notice` callback,
# which holds the container only weakly (so a container can die before its contents).
# When a referent dies, `_notice` takes its entry out of `data` at once -- unless a walk
# over `data` (an iterator of the container) is under way: changing a dict or a set
# while it is iterated would break that walk. The entry's handle is then parked in
# `_parked`, and dropped when the last walk ends. Some operations settle the parked
# entries before they start, wherever python3's containers do (so a walk that is still
# open then sees the same "changed size during iteration" error as there).

def _death_notice(container):
    home = ref(container)

    def notice(wr):
        owner = home()
        if owner is not None:
            owner._forget(owner._handle(wr))
    return notice


class _WeakStore:
    # Subclasses define _handle(wr) (what to park for a dead reference) and
    # _drop(handle) (take that entry out of data, if it is still there).

    def _open(self):
        self._walks = 0
        self._parked = []
        self._notice = _death_notice(self)

    def _forget(self, handle):
        if self._walks:
            self._parked.append(handle)
        else:
            self._drop(handle)

    def _settle(self):
        parked = self._parked
        while parked:
            self._drop(parked.pop())

    def _walk(self, entries):
        # Yield from `entries` (an iterator over data) with the walk counted.
        self._walks += 1
        try:
            yield from entries
        finally:
            self._walks -= 1
            if not self._walks:
                self._settle()

    def _live_len(self):
        # Entries whose referent has died but that are parked still sit in data.
        parked = self._parked
        if parked:
            parked[:] = [h for h in parked if h in self.data]
        return len(self.data) - len(parked)


# ----- WeakSet ---------------------------------------------------------------------

class WeakSet(_WeakStore):
    """A set whose items are held by weak references: an item leaves when it dies."""

    def __init__(self, data=None):
        self.data = set()
        self._open()
        if data is not None:
            self.update(data)

    def _handle(self, wr):
        return wr

    def _drop(self, wr):
        self.data.discard(wr)

    def __iter__(self):
        for wr in self._walk(iter(self.data)):
            item = wr()
            if item is not None:
                yield item

    def __len__(self):
        return self._live_len()

    def __contains__(self, item):
        try:
            probe = ref(item)
        except TypeError:
            return False
        return probe in self.data

    def __reduce__(self):
        return type(self), (list(self),), self.__dict__

    __class_getitem__ = classmethod(_GenericAlias)

    def __repr__(self):
        return repr(self.data)

    # -- changing the set (each settles parked entries first, as python3's does)

    def add(self, item):
        self._settle()
        self.data.add(ref(item, self._notice))

    def clear(self):
        self._settle()
        self.data.clear()

    def pop(self):
        self._settle()
        while self.data:
            item = self.data.pop()()
            if item is not None:
                return item
        raise KeyError('pop from empty WeakSet')

    def remove(self, item):
        self._settle()
        self.data.remove(ref(item))

    def discard(self, item):
        self._settle()
        self.data.discard(ref(item))

    def update(self, other):
        self._settle()
        for item in other:
            self.add(item)

    def __ior__(self, other):
        self.update(other)
        return self

    def __isub__(self, other):
        self._settle()
        if other is self:
            self.data.clear()
        else:
            self.data.difference_update(map(ref, other))
        return self

    def __iand__(self, other):
        self._settle()
        self.data.intersection_update(map(ref, other))
        return self

    def __ixor__(self, other):
        self._settle()
        if other is self:
            self.data.clear()
        else:
            notice = self._notice
            self.data.symmetric_difference_update(ref(x, notice) for x in other)
        return self

    def difference_update(self, other):
        self.__isub__(other)

    def intersection_update(self, other):
        self.__iand__(other)

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    # -- new sets

    def copy(self):
        return type(self)(self)

    def difference(self, other):
        out = self.copy()
        out.difference_update(other)
        return out

    def symmetric_difference(self, other):
        out = self.copy()
        out.symmetric_difference_update(other)
        return out

    def intersection(self, other):
        return type(self)(x for x in other if x in self)

    def union(self, other):
        return type(self)(x for part in (self, other) for x in part)

    __sub__ = difference
    __xor__ = symmetric_difference
    __and__ = intersection
    __or__ = union

    # -- comparisons, on the references

    def issubset(self, other):
        return self.data.issubset(map(ref, other))

    def issuperset(self, other):
        return self.data.issuperset(map(ref, other))

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0

    def __lt__(self, other):
        return self.data < set(map(ref, other))

    def __gt__(self, other):
        return self.data > set(map(ref, other))

    def __eq__(self, other):
        if isinstance(other, type(self)):
            return self.data == set(map(ref, other))
        return NotImplemented

    __le__ = issubset
    __ge__ = issuperset


_abc.MutableSet.register(WeakSet)


# ----- WeakMethod ------------------------------------------------------------------

class WeakMethod(ref):
    """A weak reference to a bound method, alive while both the object and the
    function are."""

    # _fn: a weak reference to the function; _kind: the bound method's type;
    # _live: False once the object or the function has died.
    __slots__ = ("_fn", "_kind", "_live", "__weakref__")

    def __new__(cls, meth, callback=None):
        try:
            target, fn = meth.__self__, meth.__func__
        except AttributeError:
            raise TypeError(
                f"argument should be a bound method, not {type(meth)}") from None
        me = []

        def died(_):
            wm = me[0]()
            if wm is not None and wm._live:
                wm._live = False
                if callback is not None:
                    callback(wm)
        wm = ref.__new__(cls, target, died)
        wm._fn = ref(fn, died)
        wm._kind = type(meth)
        wm._live = True
        me.append(ref(wm))
        return wm

    def __call__(self):
        target = ref.__call__(self)
        fn = self._fn()
        if target is None or fn is None:
            return None
        return self._kind(fn, target)

    def __eq__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if self._live and other._live:
            return ref.__eq__(self, other) and self._fn == other._fn
        return self is other

    def __ne__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if self._live and other._live:
            return ref.__ne__(self, other) or self._fn != other._fn
        return self is not other

    __hash__ = ref.__hash__


# ----- the two weak mappings -------------------------------------------------------

class _WeakMapping(_WeakStore, _abc.MutableMapping):
    # What the two mappings share: repr, the | operators, update's argument rules.

    def __repr__(self):
        return f"<{type(self).__name__} at {id(self):#x}>"

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, _abc.Mapping):
            return NotImplemented
        out = self.copy()
        out.update(other)
        return out

    def __ror__(self, other):
        if not isinstance(other, _abc.Mapping):
            return NotImplemented
        out = type(self)()
        out.update(other)
        out.update(self)
        return out

    def _clone(self, make, deep, memo):
        # copy() and __deepcopy__: `make()` is the new, empty mapping.
        if deep:
            from copy import deepcopy
        out = make()
        for key, value in self._walk(self._live_pairs()):
            if deep:
                key, value = self._deep(deepcopy, key, value, memo)
            out[key] = value
        return out


class KeyedRef(ref):
    """A weak reference that also carries a `key` (WeakValueDictionary's values)."""

    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        wr = ref.__new__(cls, ob, callback)
        wr.key = key
        return wr

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


class WeakValueDictionary(_WeakMapping):
    """A mapping whose values are held by weak references: an entry goes when its
    value dies."""

    def __init__(self, other=(), /, **kw):
        self._open()
        self.data = {}
        self.update(other, **kw)

    def _handle(self, wr):
        return wr.key

    def _drop(self, key):
        # Only if the entry still holds a dead reference (it may have been replaced).
        _remove_dead_weakref(self.data, key)

    def _wrap(self, key, value):
        return KeyedRef(value, self._notice, key)

    def _live_pairs(self):
        for key, wr in self.data.items():
            value = wr()
            if value is not None:
                yield key, value

    def _deep(self, deepcopy, key, value, memo):
        return deepcopy(key, memo), value

    def __getitem__(self, key):
        self._settle()
        value = self.data[key]()
        if value is None:
            raise KeyError(key)
        return value

    def __setitem__(self, key, value):
        self._settle()
        self.data[key] = self._wrap(key, value)

    def __delitem__(self, key):
        self._settle()
        del self.data[key]

    def __len__(self):
        self._settle()
        return len(self.data)

    def __contains__(self, key):
        self._settle()
        wr = self.data.get(key)
        return wr is not None and wr() is not None

    def get(self, key, default=None):
        self._settle()
        wr = self.data.get(key)
        value = None if wr is None else wr()
        return default if value is None else value

    def copy(self):
        self._settle()
        return self._clone(WeakValueDictionary, False, None)

    __copy__ = copy

    def __deepcopy__(self, memo):
        self._settle()
        return self._clone(type(self), True, memo)

    def items(self):
        self._settle()
        yield from self._walk(self._live_pairs())

    def keys(self):
        self._settle()
        for key, _ in self._walk(self._live_pairs()):
            yield key

    __iter__ = keys

    def values(self):
        self._settle()
        for _, value in self._walk(self._live_pairs()):
            yield value

    def itervaluerefs(self):
        """Iterate over the KeyedRef objects that hold the values."""
        self._settle()
        yield from self._walk(iter(self.data.values()))

    def valuerefs(self):
        """A list of the KeyedRef objects that hold the values."""
        self._settle()
        return list(self.data.values())

    def popitem(self):
        self._settle()
        while True:
            key, wr = self.data.popitem()
            value = wr()
            if value is not None:
                return key, value

    def pop(self, key, *default):
        self._settle()
        wr = self.data.pop(key, None)
        value = None if wr is None else wr()
        if value is not None:
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def setdefault(self, key, default=None):
        wr = self.data.get(key)
        value = None if wr is None else wr()
        if value is not None:
            return value
        self._settle()
        self.data[key] = self._wrap(key, default)
        return default

    def update(self, other=None, /, **kwargs):
        self._settle()
        data = self.data
        if other is not None:
            pairs = other.items() if hasattr(other, "keys") else dict(other).items()
            for key, value in pairs:
                data[key] = self._wrap(key, value)
        for key, value in kwargs.items():
            data[key] = self._wrap(key, value)


class WeakKeyDictionary(_WeakMapping):
    """A mapping whose keys are held by weak references: an entry goes when its key
    dies."""

    def __init__(self, dict=None):
        self.data = {}
        self._open()
        if dict is not None:
            self.update(dict)

    def _handle(self, wr):
        return wr

    def _drop(self, wr):
        self.data.pop(wr, None)

    def _live_pairs(self):
        for wr, value in self.data.items():
            key = wr()
            if key is not None:
                yield key, value

    def _deep(self, deepcopy, key, value, memo):
        return key, deepcopy(value, memo)

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key, self._notice)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __len__(self):
        return self._live_len()

    def __contains__(self, key):
        try:
            probe = ref(key)
        except TypeError:
            return False
        return probe in self.data

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def copy(self):
        return self._clone(WeakKeyDictionary, False, None)

    __copy__ = copy

    def __deepcopy__(self, memo):
        return self._clone(type(self), True, memo)

    def items(self):
        yield from self._walk(self._live_pairs())

    def keys(self):
        for key, _ in self._walk(self._live_pairs()):
            yield key

    __iter__ = keys

    def values(self):
        for _, value in self._walk(self._live_pairs()):
            yield value

    def keyrefs(self):
        """A list of the weak references that hold the keys."""
        return list(self.data)

    def popitem(self):
        while True:
            wr, value = self.data.popitem()
            key = wr()
            if key is not None:
                return key, value

    def pop(self, key, *default):
        return self.data.pop(ref(key), *default)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._notice), default)

    def update(self, dict=None, /, **kwargs):
        if dict is not None:
            pairs = dict.items() if hasattr(dict, "keys") else type({})(dict).items()
            notice = self._notice
            for key, value in pairs:
                self.data[ref(key, notice)] = value
        if kwargs:
            self.update(kwargs)


class finalize:
    """finalize(obj, func, *args, **kwargs): call func(*args, **kwargs) once, when obj
    dies, when the finalizer is called, or at interpreter exit (unless `atexit` is
    set to False), whichever comes first."""

    __slots__ = ()
    # Live finalizers -> their record [obj's weakref, func, args, kwargs, at_exit,
    # creation number]; a finalizer is alive while it is a key here.
    _live = {}
    _made = 0
    _exiting = False
    _hooked = False

    def __init__(self, obj, func, /, *args, **kwargs):
        cls = finalize
        if not cls._hooked:
            import atexit
            atexit.register(cls._run_at_exit)
            cls._hooked = True
        cls._made += 1
        self._live[self] = [ref(obj, self), func, args, kwargs, True, cls._made]

    def __call__(self, _=None):
        """Run the callback now if it has not run (None otherwise)."""
        rec = self._live.pop(self, None)
        if rec is not None and not finalize._exiting:
            return rec[1](*rec[2], **rec[3])

    def _view(self, forget):
        rec = self._live.get(self)
        obj = None if rec is None else rec[0]()
        if obj is None:
            return None
        if forget:
            del self._live[self]
        return (obj, rec[1], rec[2], rec[3])

    def detach(self):
        """Stop the finalizer; (obj, func, args, kwargs) if it was alive."""
        return self._view(True)

    def peek(self):
        """(obj, func, args, kwargs) while alive, else None."""
        return self._view(False)

    @property
    def alive(self):
        """Has the callback still to run?"""
        return self in self._live

    @property
    def atexit(self):
        """Does the callback run at interpreter exit if still alive then?"""
        rec = self._live.get(self)
        return rec is not None and rec[4]

    @atexit.setter
    def atexit(self, value):
        rec = self._live.get(self)
        if rec is not None:
            rec[4] = bool(value)

    def __repr__(self):
        rec = self._live.get(self)
        obj = None if rec is None else rec[0]()
        me = f"<{type(self).__name__} object at {id(self):#x}"
        if obj is None:
            return me + "; dead>"
        return me + f"; for {type(obj).__name__!r} at {id(obj):#x}>"

    @classmethod
    def _run_at_exit(cls):
        # Newest first; a callback may make or end other finalizers, so choose again
        # after each one. The collector stays off meanwhile.
        import gc
        was_on = gc.isenabled()
        gc.disable()
        try:
            while True:
                due = [(rec[5], f) for f, rec in cls._live.items() if rec[4]]
                if not due:
                    break
                f = max(due, key=lambda pair: pair[0])[1]
                try:
                    f()
                except Exception:
                    sys.excepthook(*sys.exc_info())
                cls._live.pop(f, None)
        finally:
            cls._exiting = True
            if was_on:
                gc.enable()
