"""The registry copy (and pickling) consults for how to reduce objects of a type:
pickle(type, function) registers a reduction function; __newobj__ and
__newobj_ex__ are the constructors object reductions name."""

__all__ = ["pickle", "constructor", "add_extension", "remove_extension",
           "clear_extension_cache"]

dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    """Register pickle_function(obj) -> reduce tuple for objects of ob_type."""
    if not callable(pickle_function):
        raise TypeError("reduction functions must be callable")
    dispatch_table[ob_type] = pickle_function
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    """Check that `object` can be called to rebuild objects."""
    if not callable(object):
        raise TypeError("constructors must be callable")


def __newobj__(cls, *args):
    """cls.__new__(cls, *args): how a reduced object is made again."""
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    """cls.__new__(cls, *args, **kwargs)."""
    return cls.__new__(cls, *args, **kwargs)


def pickle_complex(c):
    """The reduction of a complex number."""
    return complex, (c.real, c.imag)


def pickle_union(obj):
    """The reduction of a union type (int | str): functools.reduce over `|`."""
    import functools
    import operator
    return functools.reduce, (operator.or_, obj.__args__)


if "complex" in globals().get("__builtins__", {}):
    pickle(complex, pickle_complex, complex)


def _reconstructor(cls, base, state):
    if base is object:
        obj = object.__new__(cls)
    else:
        obj = base.__new__(cls, state)
        if base.__init__ != object.__init__:
            base.__init__(obj, state)
    return obj


def _slotnames(cls):
    """The names of cls's __slots__ along its MRO (private names mangled), without
    __dict__ and __weakref__."""
    names = cls.__dict__.get("__slotnames__")
    if names is not None:
        return names
    names = []
    if hasattr(cls, "__slots__"):
        for c in cls.__mro__:
            if "__slots__" in c.__dict__:
                slots = c.__dict__["__slots__"]
                if isinstance(slots, str):
                    slots = (slots,)
                for name in slots:
                    if name in ("__dict__", "__weakref__"):
                        continue
                    if name.startswith("__") and not name.endswith("__"):
                        stripped = c.__name__.lstrip("_")
                        if stripped:
                            name = "_%s%s" % (stripped, name)
                    names.append(name)
    try:
        cls.__slotnames__ = names
    except Exception:
        pass
    return names


def _object_getstate(obj):
    """object.__getstate__(): the instance's __dict__ (None when it is empty), paired
    with a dict of its __slots__ values when it has any set."""
    state = getattr(obj, "__dict__", None) or None
    slots = {}
    for name in _slotnames(type(obj)):
        try:
            slots[name] = getattr(obj, name)
        except AttributeError:
            pass
    return (state, slots) if slots else state


def _reduce_newobj(obj):
    """object.__reduce_ex__(protocol 2 and later): remake with cls.__new__ (and the
    arguments __getnewargs_ex__ / __getnewargs__ give), then restore the state and
    the items of a list or dict."""
    cls = type(obj)
    if not hasattr(cls, "__new__") or (cls.__module__ == "builtins"
                                       and cls not in (object, list, dict)):
        raise TypeError("cannot pickle %r object" % cls.__name__)
    kwargs = None
    getnewargs_ex = getattr(obj, "__getnewargs_ex__", None)
    if getnewargs_ex is not None:
        args, kwargs = getnewargs_ex()
    else:
        getnewargs = getattr(obj, "__getnewargs__", None)
        args = getnewargs() if getnewargs is not None else ()
    state = obj.__getstate__()
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    if kwargs:
        return (__newobj_ex__, (cls, tuple(args), kwargs), state, listitems, dictitems)
    return (__newobj__, (cls,) + tuple(args), state, listitems, dictitems)


def _reduce_ex(obj, proto):
    """object.__reduce__() and __reduce_ex__ for protocols 0 and 1: remake from the
    nearest built-in base of the class (with the object's value as that base's
    argument), then restore the instance's dict."""
    cls = type(obj)
    base = object
    for c in cls.__mro__:
        if c.__module__ == "builtins":
            base = c
            break
    if base is object:
        state = None
    elif base is cls:
        raise TypeError("cannot pickle %r object" % cls.__name__)
    else:
        state = base(obj)
    args = (cls, base, state)
    getstate = getattr(type(obj), "__getstate__", None)
    if getstate is object.__getstate__ and getattr(obj, "__slots__", None):
        raise TypeError("a class that defines __slots__ without defining "
                        "__getstate__ cannot be pickled")
    state = obj.__getstate__()
    if state:
        return _reconstructor, args, state
    return _reconstructor, args


# Extension codes (used by pickle; kept for the API).
_extension_registry = {}
_inverted_registry = {}
_extension_cache = {}


def add_extension(module, name, code):
    """Register an extension code."""
    code = int(code)
    if not 1 <= code <= 0x7fffffff:
        raise ValueError("code out of range")
    key = (module, name)
    if _extension_registry.get(key) == code and _inverted_registry.get(code) == key:
        return
    if key in _extension_registry:
        raise ValueError("key %s is already registered with code %s"
                         % (key, _extension_registry[key]))
    if code in _inverted_registry:
        raise ValueError("code %s is already in use for key %s"
                         % (code, _inverted_registry[code]))
    _extension_registry[key] = code
    _inverted_registry[code] = key


def remove_extension(module, name, code):
    """Unregister an extension code."""
    key = (module, name)
    if _extension_registry.get(key) != code or _inverted_registry.get(code) != key:
        raise ValueError("key %s is not registered with code %s" % (key, code))
    del _extension_registry[key]
    del _inverted_registry[code]
    if code in _extension_cache:
        del _extension_cache[code]


def clear_extension_cache():
    _extension_cache.clear()
