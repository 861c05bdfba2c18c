"""Shallow and deep copies: copy(x) and deepcopy(x[, memo]).

A class controls its copies with __copy__() and __deepcopy__(memo), or with the
reduction protocol (__reduce_ex__(4) / __reduce__(), or copyreg.pickle) that pickling
uses. deepcopy's memo maps id(original) to its copy, so shared and recursive
structures are copied once."""

import builtins as _builtins
import types
from copyreg import dispatch_table, _reduce_newobj

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error


def _reduce(x, cls):
    """The reduction of x: copyreg's table, __reduce_ex__(4), __reduce__(), else
    what object.__reduce_ex__(4) gives."""
    reductor = dispatch_table.get(cls)
    if reductor is not None:
        return reductor(x)
    reductor = getattr(x, "__reduce_ex__", None)
    if reductor is not None:
        return reductor(4)
    reductor = getattr(x, "__reduce__", None)
    if reductor is not None:
        return reductor()
    return _reduce_object(x, cls)


def _reduce_object(x, cls):
    # What the built-in types' own reductions give.
    if isinstance(x, (set, frozenset)):
        return (cls, (list(x),), getattr(x, "__dict__", None) or None)
    if cls is slice:
        return (slice, (x.start, x.stop, x.step))
    return _reduce_newobj(x)


# ----- shallow copies -----------------------------------------------------------------------

def copy(x):
    """A shallow copy of x: a new container holding the same items (immutable
    objects are their own copies)."""
    cls = type(x)
    copier = _copy_dispatch.get(cls)
    if copier is not None:
        return copier(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x, cls)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def _copy_immutable(x):
    return x


# The types whose objects are their own copies (complex and bytes when the
# interpreter has them).
_atomic = [type(None), int, float, bool, str, type, range, types.BuiltinFunctionType,
           type(Ellipsis), type(NotImplemented), types.FunctionType, types.CodeType,
           property]
_atomic += [t for t in (getattr(_builtins, "complex", None), getattr(_builtins, "bytes", None))
            if t is not None]

_copy_dispatch = d = {}
for t in _atomic + [tuple, frozenset]:
    d[t] = _copy_immutable
d[list] = list.copy
d[dict] = dict.copy
d[set] = set.copy
if getattr(_builtins, "bytearray", None) is not None:
    d[_builtins.bytearray] = _builtins.bytearray.copy
del d, t


# ----- deep copies --------------------------------------------------------------------------

def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x: its contents copied too, recursively; memo maps
    id(original) -> copy (shared objects are copied once)."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x, cls)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


_deepcopy_dispatch = d = {}


def _deepcopy_atomic(x, memo):
    return x


for t in _atomic:
    d[t] = _deepcopy_atomic


def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    for item in x:
        y.append(deepcopy(item, memo))
    return y


d[list] = _deepcopy_list


def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(item, memo) for item in x]
    # A tuple inside itself (through a list) was copied while copying its items.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for a, b in zip(x, y):
        if a is not b:
            return tuple(y)
    return x


d[tuple] = _deepcopy_tuple


def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


d[dict] = _deepcopy_dict


def _deepcopy_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


d[types.MethodType] = _deepcopy_method
del d, t


def _keep_alive(x, memo):
    """Keep x alive as long as the memo (its id is a key there)."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, "__setstate__"):
            y.__setstate__(state)
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
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y

del types
