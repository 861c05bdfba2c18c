"""The second half of glasspy's typing module, kept in its own file so that neither
grows past the project's size limit: the class factories (NamedTuple, TypedDict,
NewType), the decorators and helpers that only mark or return their argument, and
the functions that read annotations (get_type_hints, get_origin, get_args).

typing imports every name back at its end, and the names report `typing` as their
module; this module is not meant to be imported on its own.
"""

import collections
import collections.abc
import functools
import sys
import types

from typing import (Annotated, ForwardRef, Generic, NotRequired, ParamSpecArgs,
                    ParamSpecKwargs, Required, Union, _AnnotatedAlias,
                    _BaseGenericAlias, _GenericAlias, _caller, _is_param_expr,
                    _type_check, _type_convert)


# ------------------------------------------------------------------ NamedTuple

def _typed_namedtuple(typename, pairs, module, defaults=()):
    """collections.namedtuple with the checked annotations of (field, hint) pairs."""
    pairs = list(pairs)
    checked = {}
    for field, hint in pairs:
        checked[field] = _type_check(hint, f"field {field} annotation must be a type")
    made = collections.namedtuple(typename, [field for field, _ in pairs],
                                  defaults=defaults, module=module)
    made.__annotations__ = checked
    return made


# A NamedTuple class body may not redefine these (namedtuple makes them) ...
_RESERVED = frozenset(("__new__", "__init__", "__slots__", "__getnewargs__", "_fields",
                       "_field_defaults", "_make", "_replace", "_asdict", "_source"))
# ... and these are not copied onto the class made from it.
_NOT_COPIED = frozenset(("__module__", "__name__", "__annotations__"))


class NamedTupleMeta(type):
    """The metaclass behind `class P(NamedTuple)`: the body's annotations become a
    namedtuple's fields, its assignments their defaults, its methods stay methods."""

    def __new__(mcls, typename, bases, ns):
        if any(b is not _NamedTuple and b is not Generic for b in bases):
            raise TypeError("can only inherit from a NamedTuple type and Generic")
        hints = ns.get("__annotations__", {})
        defaulted = []
        for field in hints:
            if field in ns:
                defaulted.append(field)
            elif defaulted:
                plural = "s" if len(defaulted) > 1 else ""
                raise TypeError(f"Non-default namedtuple field {field} cannot follow "
                                f"default field{plural} {', '.join(defaulted)}")
        made = _typed_namedtuple(typename, hints.items(), ns["__module__"],
                                 [ns[field] for field in defaulted])
        for key, value in ns.items():
            if key in _RESERVED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in _NOT_COPIED and key not in made._fields:
                setattr(made, key, value)
        return made


def NamedTuple(typename, fields=None, /, **kwargs):
    """A typed namedtuple: NamedTuple('P', [('x', int)]) or class P(NamedTuple)."""
    if fields is not None and kwargs:
        raise TypeError("Either list of fields or keywords can be provided to "
                        "NamedTuple, not both")
    pairs = kwargs.items() if fields is None else fields
    return _typed_namedtuple(typename, pairs, _caller())


# What `class P(NamedTuple)` really derives from (through __mro_entries__).
_NamedTuple = type.__new__(NamedTupleMeta, "NamedTuple", (), {})
NamedTuple.__mro_entries__ = lambda bases: (_NamedTuple,)


# ------------------------------------------------------------------ TypedDict

class _TypedDictMeta(type):
    """The metaclass of TypedDict classes: plain dict subclasses that record which
    keys they declare and which of those are required."""

    def __new__(mcls, name, bases, ns, total=True):
        if any(type(b) is not _TypedDictMeta and b is not Generic for b in bases):
            raise TypeError("cannot inherit from both a TypedDict type "
                            "and a non-TypedDict base class")
        made = type.__new__(_TypedDictMeta, name, (dict,), ns)
        complaint = "TypedDict('Name', {f0: t0, f1: t1, ...}); each t must be a type"
        declared = {key: _type_check(hint, complaint, allow_special_forms=True)
                    for key, hint in ns.get("__annotations__", {}).items()}
        every, required, optional = {}, set(), set()
        for b in bases:
            inherited = b.__dict__
            every.update(inherited.get("__annotations__", {}))
            required |= set(inherited.get("__required_keys__", ()))
            optional |= set(inherited.get("__optional_keys__", ()))
        every.update(declared)
        for key, hint in declared.items():
            marker = get_origin(hint)
            needed = total if marker not in (Required, NotRequired) else marker is Required
            (required if needed else optional).add(key)
            (optional if needed else required).discard(key)
        made.__annotations__ = every
        made.__required_keys__ = frozenset(required)
        made.__optional_keys__ = frozenset(optional)
        if not hasattr(made, "__total__"):
            made.__total__ = total
        return made

    # Calling a TypedDict class makes a plain dict.
    __call__ = dict

    def __subclasscheck__(cls, other):
        raise TypeError("TypedDict does not support instance and class checks")

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    """A dict type with a fixed set of typed keys; calling it makes a plain dict."""
    if fields is not None and kwargs:
        raise TypeError("TypedDict takes either a dict or keyword arguments,"
                        " but not both")
    keys = dict(kwargs if fields is None else fields)
    return _TypedDictMeta(typename, (), {"__annotations__": keys, "__module__": _caller()},
                          total=total)


_TypedDict = type.__new__(_TypedDictMeta, "TypedDict", (), {})
TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)


def is_typeddict(tp):
    """Whether tp is a TypedDict class."""
    return isinstance(tp, _TypedDictMeta)


# ------------------------------------------------------------------ NewType

class NewType:
    """A distinct name for a type: UserId = NewType('UserId', int); calling it returns
    its argument."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        self.__name__ = name.rpartition(".")[2]
        self.__supertype__ = tp
        where = _caller()
        if where != "typing":
            self.__module__ = where

    def __mro_entries__(self, bases):
        # A NewType is not a class: deriving from one fails, naming the fix.
        wanted = self.__name__

        class _Refuse:
            def __init_subclass__(cls):
                sub = cls.__name__
                raise TypeError("Cannot subclass an instance of NewType. Perhaps you "
                                f"were looking for: `{sub} = NewType({sub!r}, {wanted})`")
        return (_Refuse,)

    def __repr__(self):
        return f"{self.__module__}.{self.__qualname__}"

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


# ------------------------------------------------------------ markers and checks

def cast(typ, val):
    """Return val unchanged (a hint to the type checker)."""
    return val


def assert_type(val, typ, /):
    """Return val unchanged (the checker verifies its type)."""
    return val


def assert_never(arg, /):
    """Fail: code the checker considers unreachable was reached."""
    shown = repr(arg)
    if len(shown) > 100:
        shown = shown[:100] + "..."
    raise AssertionError("Expected code to be unreachable, but got: " + shown)


def reveal_type(obj, /):
    """Print the run-time type of obj to stderr and return obj."""
    sys.stderr.write(f"Runtime type is {type(obj).__name__!r}\n")
    return obj


def _called_overload(*args, **kwds):
    raise NotImplementedError(
        "You should not call an overloaded function. "
        "A series of @overload-decorated functions "
        "outside a stub module should always be followed "
        "by an implementation that is not @overload-ed.")


# (module, qualname) of a function -> the @overload signatures recorded for it.
_overloads = {}


def _overload_key(func):
    inner = getattr(func, "__func__", func)
    return getattr(inner, "__module__", None), getattr(inner, "__qualname__", None)


def overload(func):
    """Record func as one signature of an overloaded function; calling what this
    returns raises NotImplementedError."""
    _overloads.setdefault(_overload_key(func), []).append(func)
    return _called_overload


def get_overloads(func):
    """The @overload signatures recorded for func's name."""
    return list(_overloads.get(_overload_key(func), ()))


def clear_overloads():
    """Forget every recorded overload."""
    _overloads.clear()


def final(f):
    """Mark a method or class as final (sets __final__ when it can)."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def _mark_unchecked(obj):
    try:
        obj.__no_type_check__ = True
    except TypeError:
        pass


def no_type_check(arg):
    """Mark a function or class (and its methods) as not to be type checked."""
    if isinstance(arg, type):
        for member in list(arg.__dict__.values()):
            if isinstance(member, types.FunctionType):
                member.__no_type_check__ = True
    _mark_unchecked(arg)
    return arg


def no_type_check_decorator(decorator):
    """Make a decorator whose results are marked with no_type_check."""
    @functools.wraps(decorator)
    def wrapped_decorator(*args, **kwds):
        return no_type_check(decorator(*args, **kwds))
    return wrapped_decorator


def dataclass_transform(*, eq_default=True, order_default=False, kw_only_default=False,
                        field_specifiers=(), **kwargs):
    """Mark a decorator, base class or metaclass as making dataclass-like classes."""
    settings = dict(eq_default=eq_default, order_default=order_default,
                    kw_only_default=kw_only_default, field_specifiers=field_specifiers,
                    kwargs=kwargs)

    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = dict(settings)
        return cls_or_fn
    return decorator


# ------------------------------------------------------------ reading annotations

def _without_extras(hint):
    """hint with Annotated[...] metadata and Required / NotRequired taken off, also
    inside subscripts."""
    while True:
        if isinstance(hint, _AnnotatedAlias):
            hint = hint.__origin__
        elif isinstance(hint, _GenericAlias) and hint.__origin__ in (Required, NotRequired):
            hint = hint.__args__[0]
        else:
            break
    if isinstance(hint, (_GenericAlias, types.GenericAlias)):
        inner = tuple(_without_extras(a) for a in hint.__args__)
        if inner != hint.__args__:
            if isinstance(hint, _GenericAlias):
                return hint.copy_with(inner)
            return types.GenericAlias(hint.__origin__, inner)
    return hint


def _resolve(hint, globalns, localns):
    """One annotation evaluated: None means NoneType, a string or ForwardRef is
    evaluated, and so are strings inside a subscript (List['int'])."""
    if hint is None:
        return type(None)
    if isinstance(hint, str):
        hint = ForwardRef(hint)
    if isinstance(hint, ForwardRef):
        return hint._evaluate(globalns, localns)
    if isinstance(hint, _GenericAlias) and not isinstance(hint, _AnnotatedAlias):
        args = tuple(_resolve(_type_convert(a), globalns, localns)
                     if isinstance(a, (str, ForwardRef)) else a for a in hint.__args__)
        if args != hint.__args__:
            return hint.copy_with(args)
    return hint


def _class_hints(cls, globalns, localns):
    """The annotations along a class's MRO, the most basic class first. Without
    namespaces given, names are looked up in the class's own namespace first, then
    in its module's."""
    hints = {}
    for klass in reversed(cls.__mro__):
        module_ns = getattr(sys.modules.get(klass.__module__, None), "__dict__", {})
        class_ns = dict(vars(klass))
        if globalns is None and localns is None:
            first, second = class_ns, module_ns
        else:
            first = module_ns if globalns is None else globalns
            second = class_ns if localns is None else localns
        for name, hint in klass.__dict__.get("__annotations__", {}).items():
            hints[name] = _resolve(hint, first, second)
    return hints


def _object_hints(obj, globalns, localns):
    """The annotations of a module, function or method, evaluated in its globals."""
    raw = getattr(obj, "__annotations__", None)
    if raw is None:
        if isinstance(obj, (types.FunctionType, types.BuiltinFunctionType,
                            types.MethodType, types.ModuleType)):
            return {}
        raise TypeError(f"{obj!r} is not a module, class, method, or function.")
    if globalns is None:
        if isinstance(obj, types.ModuleType):
            globalns = obj.__dict__
        else:
            innermost = obj
            while hasattr(innermost, "__wrapped__"):
                innermost = innermost.__wrapped__
            globalns = getattr(innermost, "__globals__", {})
    if localns is None:
        localns = globalns
    return {name: _resolve(hint, globalns, localns) for name, hint in dict(raw).items()}


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a class (through its MRO), module or function, with
    strings evaluated and None as NoneType."""
    if getattr(obj, "__no_type_check__", None):
        return {}
    if isinstance(obj, type):
        hints = _class_hints(obj, globalns, localns)
    else:
        hints = _object_hints(obj, globalns, localns)
    if not include_extras:
        hints = {name: _without_extras(hint) for name, hint in hints.items()}
    return hints


def get_origin(tp):
    """The unsubscripted form of a typing object: list for List[int], Union for
    Union[int, str], types.UnionType for int | str; None otherwise."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if tp is Generic:
        return Generic
    if isinstance(tp, types.UnionType):
        return types.UnionType
    if isinstance(tp, (_BaseGenericAlias, types.GenericAlias, ParamSpecArgs,
                       ParamSpecKwargs)):
        return tp.__origin__
    return None


def get_args(tp):
    """The arguments of a subscripted typing object, Callable's as ([args], result)."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__, *tp.__metadata__)
    if isinstance(tp, types.UnionType):
        return tp.__args__
    if not isinstance(tp, (_GenericAlias, types.GenericAlias)):
        return ()
    args = tp.__args__
    if tp.__origin__ is collections.abc.Callable and not (
            len(args) == 2 and _is_param_expr(args[0])):
        return (list(args[:-1]), args[-1])
    return args


for _name, _value in list(globals().items()):
    if getattr(_value, "__module__", None) == __name__ and not _name.startswith("__"):
        try:
            _value.__module__ = "typing"
        except (AttributeError, TypeError):
            pass
del _name, _value
