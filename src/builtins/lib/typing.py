"""Type hints at run time (PEP 484 and its successors), written for glasspy from the
Python 3.11 documentation.

The names checkers read are importable and subscriptable: special forms (Any, Union,
Optional, Literal, ClassVar, Final, Annotated, ...), aliases of the built-in and
collections classes (List, Dict, Callable, ...), TypeVar / ParamSpec, Generic and
Protocol for user classes, NamedTuple and TypedDict class factories, and the
introspection helpers (get_type_hints, get_origin, get_args).
"""

import collections
import collections.abc
import contextlib
import functools
import re as _re
import sys
import types
from types import MethodDescriptorType, MethodWrapperType, WrapperDescriptorType

__all__ = [
    "Annotated", "Any", "Callable", "ClassVar", "Concatenate", "Final", "ForwardRef",
    "Generic", "Literal", "Optional", "ParamSpec", "Protocol", "Tuple", "Type",
    "TypeVar", "TypeVarTuple", "Union", "AbstractSet", "ByteString", "Container",
    "ContextManager", "Hashable", "ItemsView", "Iterable", "Iterator", "KeysView",
    "Mapping", "MappingView", "MutableMapping", "MutableSequence", "MutableSet",
    "Sequence", "Sized", "ValuesView", "Collection", "Generator", "Reversible",
    "SupportsAbs", "SupportsBytes", "SupportsComplex", "SupportsFloat",
    "SupportsIndex", "SupportsInt", "SupportsRound", "ChainMap", "Counter", "Deque",
    "Dict", "DefaultDict", "List", "OrderedDict", "Set", "FrozenSet", "NamedTuple",
    "TypedDict", "Generator", "BinaryIO", "IO", "Match", "Pattern", "TextIO",
    "AnyStr", "assert_type", "assert_never", "cast", "clear_overloads",
    "dataclass_transform", "final", "get_args", "get_origin", "get_overloads",
    "get_type_hints", "is_typeddict", "LiteralString", "Never", "NewType",
    "no_type_check", "no_type_check_decorator", "NoReturn", "NotRequired",
    "overload", "ParamSpecArgs", "ParamSpecKwargs", "Required", "reveal_type",
    "runtime_checkable", "Self", "Text", "TYPE_CHECKING", "TypeAlias", "TypeGuard",
    "Unpack", "Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator",
]

TYPE_CHECKING = False


def _caller(default="__main__"):
    # glasspy has no frame objects: a name made by a call is placed in __main__.
    getframe = getattr(sys, "_getframe", None)
    if getframe is None:
        return default
    try:
        return getframe(2).f_globals.get("__name__", default)
    except (AttributeError, ValueError):
        return default


def _type_repr(obj):
    """How a type argument prints inside a subscript: classes by qualified name,
    `...`, functions by name, the rest by repr."""
    if isinstance(obj, type) and not isinstance(obj, types.GenericAlias):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return f"{obj.__module__}.{obj.__qualname__}"
    if obj is ...:
        return "..."
    if isinstance(obj, types.FunctionType):
        return obj.__name__
    return repr(obj)


def _type_convert(arg):
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


def _type_check(arg, msg, allow_special_forms=False):
    """arg as a type argument (None and strings converted), or TypeError with msg.
    A few bare special forms are types on their own; ClassVar and Final only where
    allow_special_forms says so; other bare forms, Generic, Protocol and tuples are not."""
    arg = _type_convert(arg)
    standalone = arg in _STANDALONE_FORMS or (allow_special_forms and arg in _OUTER_FORMS)
    if not standalone:
        if isinstance(arg, _SpecialForm) or arg is Generic or arg is Protocol:
            raise TypeError(f"Plain {arg} is not valid as type argument")
        if type(arg) is tuple:
            raise TypeError(f"{msg} Got {arg!r:.100}.")
    return arg


def _is_param_expr(arg):
    return arg is ... or isinstance(arg, (ParamSpec, _ConcatenateGenericAlias))


def _collect_parameters(args):
    params = []
    for t in args:
        if isinstance(t, type) and not isinstance(t, types.GenericAlias):
            continue
        if isinstance(t, (TypeVar, ParamSpec, TypeVarTuple)):
            if t not in params:
                params.append(t)
        else:
            for x in getattr(t, "__parameters__", ()):
                if x not in params:
                    params.append(x)
    return tuple(params)


def _check_generic(cls, given, wanted):
    """TypeError unless `given` holds `wanted` parameters (and cls takes any)."""
    if not wanted:
        raise TypeError(f"{cls} is not a generic class")
    got = len(given)
    if got != wanted:
        amount = "many" if got > wanted else "few"
        raise TypeError(f"Too {amount} arguments for {cls}; actual {got}, expected {wanted}")


def _deduplicate(params):
    out = []
    for p in params:
        if p not in out:
            out.append(p)
    return out


def _flatten_union(params):
    """Union members, with the members of nested unions (typing's and `|`'s) inlined."""
    out = []
    for p in params:
        nested = isinstance(p, _UnionGenericAlias) or isinstance(p, types.UnionType)
        out.extend(p.__args__ if nested else (p,))
    return out


class _Final:
    """Classes of typing's own objects, which cannot be subclassed by users."""

    __slots__ = ()


# ------------------------------------------------------------------ special forms

class _SpecialForm(_Final):
    def __init__(self, getitem):
        self._getitem = getitem
        self._name = getitem.__name__
        self.__doc__ = getitem.__doc__

    def __getattr__(self, item):
        if item in {"__name__", "__qualname__"}:
            return self._name
        raise AttributeError(item)

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")

    def __repr__(self):
        return "typing." + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(f"{self} cannot be used with isinstance()")

    def __subclasscheck__(self, cls):
        raise TypeError(f"{self} cannot be used with issubclass()")

    def __getitem__(self, parameters):
        return self._getitem(self, parameters)


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError("typing.Any cannot be used with isinstance()")
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return "typing.Any"
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    """Every type is compatible with Any (a class since 3.11, so it can be a base)."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError("Any cannot be instantiated")
        return super().__new__(cls, *args, **kwargs)


@_SpecialForm
def NoReturn(self, parameters):
    """The return type of a function that never returns."""
    raise TypeError(f"{self} is not subscriptable")


@_SpecialForm
def Never(self, parameters):
    """The bottom type: no value has it."""
    raise TypeError(f"{self} is not subscriptable")


@_SpecialForm
def Self(self, parameters):
    """The class the method using it is called on."""
    raise TypeError(f"{self} is not subscriptable")


@_SpecialForm
def LiteralString(self, parameters):
    """A str made only of literal strings."""
    raise TypeError(f"{self} is not subscriptable")


@_SpecialForm
def TypeAlias(self, parameters):
    """Marks a variable as an explicit type alias."""
    raise TypeError(f"{self} is not subscriptable")


def _one_arg_form(self, parameters):
    item = _type_check(parameters, f"{self} accepts only single type.")
    return _GenericAlias(self, (item,))


@_SpecialForm
def ClassVar(self, parameters):
    """A class variable, not an instance attribute."""
    return _one_arg_form(self, parameters)


@_SpecialForm
def Final(self, parameters):
    """A name that cannot be reassigned or overridden."""
    return _one_arg_form(self, parameters)


@_SpecialForm
def Required(self, parameters):
    """A key a TypedDict must have."""
    item = _type_check(parameters, f"{self._name} accepts only a single type.")
    return _GenericAlias(self, (item,))


@_SpecialForm
def NotRequired(self, parameters):
    """A key a TypedDict may lack."""
    item = _type_check(parameters, f"{self._name} accepts only a single type.")
    return _GenericAlias(self, (item,))


@_SpecialForm
def TypeGuard(self, parameters):
    """The return type of a user-defined type guard."""
    item = _type_check(parameters, f"{self} accepts only single type.")
    return _GenericAlias(self, (item,))


@_SpecialForm
def Union(self, parameters):
    """Union[X, Y]: X or Y."""
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    members = parameters if isinstance(parameters, tuple) else (parameters,)
    checked = [_type_check(m, "Union[arg, ...]: each arg must be a type.") for m in members]
    members = tuple(_deduplicate(_flatten_union(checked)))
    if len(members) == 1:
        return members[0]
    # X | None prints as Optional[X].
    optional = len(members) == 2 and type(None) in members
    return _UnionGenericAlias(self, members, name="Optional" if optional else None)


@_SpecialForm
def Optional(self, parameters):
    """Optional[X]: X or None."""
    return Union[_type_check(parameters, f"{self} requires a single type."), type(None)]


@_SpecialForm
def Literal(self, parameters):
    """Literal[v, ...]: exactly one of these values."""
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    out = []
    for p in parameters:
        if isinstance(p, _LiteralGenericAlias):
            out.extend(p.__args__)
        else:
            out.append(p)
    seen = []
    for p in out:
        if not any(type(p) is type(q) and p == q for q in seen):
            seen.append(p)
    return _LiteralGenericAlias(self, tuple(seen))


@_SpecialForm
def Concatenate(self, parameters):
    """Concatenate[X, P]: the parameters of a callable, X followed by P's."""
    if parameters == ():
        raise TypeError("Cannot take a Concatenate of no types.")
    items = parameters if isinstance(parameters, tuple) else (parameters,)
    *head, last = items
    if last is not ... and not isinstance(last, ParamSpec):
        raise TypeError("The last parameter to Concatenate should be a "
                        "ParamSpec variable or ellipsis.")
    head = [_type_check(h, "Concatenate[arg, ...]: each arg must be a type.") for h in head]
    return _ConcatenateGenericAlias(self, (*head, last))


@_SpecialForm
def Unpack(self, parameters):
    """Unpack[Ts]: the types a TypeVarTuple stands for."""
    item = _type_check(parameters, f"{self._name} accepts only single type.")
    return _UnpackGenericAlias(self, (item,))


@_SpecialForm
def Annotated(self, params):
    """Annotated[T, x, ...]: the type T with metadata for other tools."""
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError("Annotated[...] should be used with at least two arguments "
                        "(a type and an annotation).")
    origin = _type_check(params[0], "Annotated[t, ...]: t must be a type.",
                         allow_special_forms=True)
    return _AnnotatedAlias(origin, tuple(params[1:]))


# What a type argument that is not a type is told.
_NOT_A_TYPE_ARGUMENT = "Parameters to generic types must be types."

# Bare special forms that _type_check accepts as types; the second group only as
# the outermost form of an annotation.
_STANDALONE_FORMS = (Any, LiteralString, NoReturn, Never, Self, TypeAlias)
_OUTER_FORMS = (ClassVar, Final)


# ------------------------------------------------------------------ ForwardRef

class ForwardRef(_Final):
    """A type written as a string, evaluated later."""

    __slots__ = ("__forward_arg__", "__forward_code__", "__forward_evaluated__",
                 "__forward_value__", "__forward_is_argument__",
                 "__forward_is_class__", "__forward_module__")

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got {arg!r}")
        try:
            compiled = compile(arg, "<string>", "eval")
        except SyntaxError:
            raise SyntaxError(f"Forward reference must be an expression -- got {arg!r}")
        self.__forward_arg__, self.__forward_code__ = arg, compiled
        self.__forward_evaluated__, self.__forward_value__ = False, None
        self.__forward_is_argument__, self.__forward_is_class__ = is_argument, is_class
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns):
        # The value is kept, and reused unless separate local names are given.
        if self.__forward_evaluated__ and localns is globalns:
            return self.__forward_value__
        if globalns is None:
            globalns = {} if localns is None else localns
        if localns is None:
            localns = globalns
        if self.__forward_module__ is not None:
            home = sys.modules.get(self.__forward_module__)
            globalns = getattr(home, "__dict__", globalns)
        value = eval(self.__forward_code__, globalns, localns)
        if value is not None:
            from _typing_runtime import _resolve
            value = _resolve(value, globalns, localns)
        self.__forward_value__, self.__forward_evaluated__ = value, True
        return value

    def __eq__(self, other):
        if isinstance(other, ForwardRef):
            return _forward_key(self) == _forward_key(other)
        return NotImplemented

    def __hash__(self):
        return hash(_forward_key(self))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __repr__(self):
        module = "" if self.__forward_module__ is None else \
            f", module={self.__forward_module__!r}"
        return f"ForwardRef({self.__forward_arg__!r}{module})"


def _forward_key(ref):
    """What makes two forward references equal."""
    return ref.__forward_arg__, ref.__forward_module__


# ------------------------------------------------------------ type variables

class _TypeVarLike:
    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __repr__(self):
        if self.__covariant__:
            prefix = "+"
        elif self.__contravariant__:
            prefix = "-"
        else:
            prefix = "~"
        return prefix + self.__name__

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass an instance of {type(self).__name__}")


class TypeVar(_Final, _TypeVarLike):
    """A type variable: T = TypeVar('T'), with optional constraints or a bound."""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        self.__covariant__, self.__contravariant__ = bool(covariant), bool(contravariant)
        if constraints:
            if bound is not None:
                raise TypeError("Constraints cannot be combined with bound=...")
            if len(constraints) == 1:
                raise TypeError("A single constraint is not allowed")
        why = "TypeVar(name, constraint, ...): constraints must be types."
        self.__constraints__ = tuple([_type_check(c, why) for c in constraints])
        self.__bound__ = None if not bound else _type_check(bound, "Bound must be a type.")
        where = _caller()
        if where != "typing":
            self.__module__ = where

    def __typing_subst__(self, arg):
        return _type_check(arg, _NOT_A_TYPE_ARGUMENT)


class TypeVarTuple(_Final):
    """A variable standing for any number of types."""

    def __init__(self, name):
        self.__name__ = name

    def __iter__(self):
        yield Unpack[self]

    def __repr__(self):
        return self.__name__


class ParamSpecArgs(_Final):
    """P.args of a ParamSpec P."""

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return self.__origin__.__name__ + ".args"

    def __eq__(self, other):
        if isinstance(other, ParamSpecArgs):
            return other.__origin__ == self.__origin__
        return NotImplemented

    __hash__ = object.__hash__


class ParamSpecKwargs(_Final):
    """P.kwargs of a ParamSpec P."""

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return self.__origin__.__name__ + ".kwargs"

    def __eq__(self, other):
        if isinstance(other, ParamSpecKwargs):
            return other.__origin__ == self.__origin__
        return NotImplemented

    __hash__ = object.__hash__


class ParamSpec(_Final, _TypeVarLike):
    """A variable standing for the parameters of a callable."""

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__covariant__, self.__contravariant__ = bool(covariant), bool(contravariant)
        self.__bound__ = None if not bound else _type_check(bound, "Bound must be a type.")
        where = _caller()
        if where != "typing":
            self.__module__ = where

    def __typing_subst__(self, arg):
        if isinstance(arg, (list, tuple)):
            return tuple(_type_check(a, "Expected a type.") for a in arg)
        if not _is_param_expr(arg):
            raise TypeError(f"Expected a list of types, an ellipsis, ParamSpec, or "
                            f"Concatenate. Got {arg}")
        return arg




# ------------------------------------------------------------------ aliases

_SPECIAL_NAMES = frozenset({"__origin__", "__args__", "_name", "_inst", "_nparams",
                            "__parameters__", "__metadata__", "__module__"})


def _brings_generic(base):
    """Will this base put Generic in a class's MRO by itself?"""
    if isinstance(base, _BaseGenericAlias):
        return True
    return isinstance(base, type) and issubclass(base, Generic)


class _BaseGenericAlias(_Final):
    """What subscripting a typing name gives: keeps `__origin__`, passes other
    attributes on to it, and calls it to make an instance."""

    def __init__(self, origin, *, name=None, inst=True):
        self._inst = inst
        self._name = name
        self.__origin__ = origin

    def __call__(self, *args, **kwargs):
        origin = self.__origin__
        if not self._inst:
            raise TypeError(f"Type {self._name} cannot be instantiated; "
                            f"use {origin.__name__}() instead")
        made = origin(*args, **kwargs)
        # The instance remembers the alias it came from, when it can hold attributes.
        try:
            made.__orig_class__ = self
        except AttributeError:
            pass
        return made

    def __mro_entries__(self, bases):
        res = []
        if self.__origin__ not in bases:
            res.append(self.__origin__)
        # Generic is added once, by the last base that would bring it.
        later = bases[bases.index(self) + 1:]
        if not any(_brings_generic(b) for b in later):
            res.append(Generic)
        return tuple(res)

    def __getattr__(self, attr):
        if attr == "__name__" or attr == "__qualname__":
            return self._name or self.__origin__.__name__
        dunder = attr[:2] == "__" == attr[-2:]
        if dunder or attr in _SPECIAL_NAMES:
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with"
                        " class and instance checks")

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


def _alias_key(alias):
    """What makes two subscripted aliases equal."""
    return alias.__origin__, alias.__args__


class _GenericAlias(_BaseGenericAlias):
    """A subscripted alias: List[int], Box[T], ClassVar[int]."""

    def __init__(self, origin, args, *, inst=True, name=None):
        _BaseGenericAlias.__init__(self, origin, inst=inst, name=name)
        self.__args__ = args if isinstance(args, tuple) else (args,)
        self.__parameters__ = _collect_parameters(self.__args__)
        if not name:
            self.__module__ = getattr(origin, "__module__", "typing")

    def __eq__(self, other):
        if isinstance(other, _GenericAlias):
            return _alias_key(self) == _alias_key(other)
        return NotImplemented

    def __hash__(self):
        return hash(_alias_key(self))

    def __getitem__(self, args):
        if self.__origin__ is Generic or self.__origin__ is Protocol:
            raise TypeError(f"Cannot subscript already-subscripted {self}")
        params = self.__parameters__
        if not params:
            raise TypeError(f"{self} is not a generic class")
        given = tuple(map(_type_convert, args if isinstance(args, tuple) else (args,)))
        # A lone ParamSpec takes the whole argument list as its value.
        lone_spec = len(params) == 1 and isinstance(params[0], ParamSpec)
        if lone_spec and not (len(given) == 1 and _is_param_expr(given[0])):
            given = (given,)
        _check_generic(self, given, len(params))
        subst = {}
        for var, value in zip(params, given):
            convert = getattr(var, "__typing_subst__", None)
            subst[var] = value if convert is None else convert(value)
        # Each argument gets its substitute; a nested alias is subscripted with the
        # substitutes of its own variables. A ParamSpec replaced by a list of types
        # (directly, or through a Concatenate) contributes those types one by one.
        replaced = []
        for arg in self.__args__:
            if isinstance(arg, (TypeVar, ParamSpec)):
                value = subst[arg]
                # (A Concatenate keeps the list whole: its copy_with splices it.)
                spliced = (isinstance(arg, ParamSpec) and isinstance(value, tuple)
                           and not isinstance(self, _ConcatenateGenericAlias))
            else:
                inner = getattr(arg, "__parameters__", ())
                value = arg
                if inner and not isinstance(arg, type):
                    values = tuple([subst[v] for v in inner])
                    value = arg[values[0] if len(values) == 1 else values]
                spliced = isinstance(arg, _ConcatenateGenericAlias) and type(value) is tuple
            replaced.extend(value if spliced else (value,))
        return self.copy_with(tuple(replaced))

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, name=self._name, inst=self._inst)

    def __repr__(self):
        if self._name:
            name = "typing." + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__:
            args = ", ".join(_type_repr(a) for a in self.__args__)
        else:
            args = "()"
        return f"{name}[{args}]"

    def __mro_entries__(self, bases):
        if isinstance(self.__origin__, _SpecialForm):
            raise TypeError(f"Cannot subclass {self!r}")
        if self._name:
            return _BaseGenericAlias.__mro_entries__(self, bases)
        if self.__origin__ is Generic:
            # Generic[T] steps aside for Protocol or a later subscripted base.
            later = bases[bases.index(self) + 1:]
            if Protocol in bases or any(
                    b is not self and isinstance(b, _BaseGenericAlias) for b in later):
                return ()
        return (self.__origin__,)

    def __iter__(self):
        yield Unpack[self]


class _SpecialGenericAlias(_BaseGenericAlias):
    """An unsubscripted alias of a class: List, Dict, Iterable."""

    def __init__(self, origin, nparams, *, name=None, inst=True):
        if name is None:
            name = origin.__name__
        _BaseGenericAlias.__init__(self, origin, name=name, inst=inst)
        self._nparams = nparams
        self.__doc__ = f"A generic version of {origin.__module__}.{origin.__qualname__}."

    def __getitem__(self, params):
        items = params if isinstance(params, tuple) else (params,)
        checked = tuple([_type_check(p, _NOT_A_TYPE_ARGUMENT) for p in items])
        _check_generic(self, checked, self._nparams)
        return self.copy_with(checked)

    def copy_with(self, params):
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __repr__(self):
        return "typing." + self._name

    def __subclasscheck__(self, cls):
        if isinstance(cls, _GenericAlias):
            # Subscripted aliases refuse class checks (the base class raises).
            return _BaseGenericAlias.__subclasscheck__(self, cls)
        plain = cls.__origin__ if isinstance(cls, _SpecialGenericAlias) else cls
        return issubclass(plain, self.__origin__)

    def __eq__(self, other):
        if not isinstance(other, _SpecialGenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self._name == other._name

    def __hash__(self):
        return hash((self.__origin__, self._name))


class _CallableGenericAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and _is_param_expr(args[0]):
            return super().__repr__()
        params = ", ".join(_type_repr(a) for a in args[:-1])
        return f"typing.Callable[[{params}], {_type_repr(args[-1])}]"

    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params, name=self._name,
                                     inst=self._inst)


class _CallableType(_SpecialGenericAlias):
    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params, name=self._name,
                                     inst=self._inst)

    def __getitem__(self, params):
        if not (isinstance(params, tuple) and len(params) == 2):
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        arguments, result = params
        # Callable[[a, b], r] is kept as the pair ((a, b), r) from here on.
        if isinstance(arguments, list):
            arguments = tuple(arguments)
        return self.__getitem_inner__((arguments, result))

    def __getitem_inner__(self, params):
        arguments, result = params
        result = _type_check(result, "Callable[args, result]: result must be a type.")
        if arguments is ... or not isinstance(arguments, tuple):
            # Callable[..., r], or a ParamSpec / Concatenate standing for the arguments.
            return self.copy_with((arguments, result))
        why = "Callable[[arg, ...], result]: each arg must be a type."
        return self.copy_with((*[_type_check(a, why) for a in arguments], result))


class _TupleType(_SpecialGenericAlias):
    def __getitem__(self, params):
        items = params if isinstance(params, tuple) else (params,)
        if len(items) > 1 and items[-1] is ...:
            # Tuple[int, ...]: any length; the ellipsis stays as it is.
            head = [_type_check(t, "Tuple[t, ...]: t must be a type.") for t in items[:-1]]
            return self.copy_with((*head, ...))
        why = "Tuple[t0, t1, ...]: each t must be a type."
        return self.copy_with(tuple([_type_check(t, why) for t in items]))


class _UnionGenericAlias(_GenericAlias):
    def copy_with(self, params):
        return Union[params]

    # Members compare as a set: Union[int, str] == Union[str, int] == str | int.
    def __eq__(self, other):
        if isinstance(other, _UnionGenericAlias) or isinstance(other, types.UnionType):
            return frozenset(other.__args__) == frozenset(self.__args__)
        return NotImplemented

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        members = self.__args__
        none = type(None)
        if len(members) == 2 and none in members:
            other = members[0] if members[1] is none else members[1]
            if members[0] is none or members[1] is none:
                return f"typing.Optional[{_type_repr(other)}]"
        return "typing.Union[%s]" % ", ".join(map(_type_repr, members))

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        return any(issubclass(cls, member) for member in self.__args__)

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")


class _LiteralGenericAlias(_GenericAlias):
    # Literal values compare as a set too.
    def __eq__(self, other):
        if isinstance(other, _LiteralGenericAlias):
            return frozenset(other.__args__) == frozenset(self.__args__)
        return NotImplemented

    def __hash__(self):
        return hash(frozenset(self.__args__))


class _ConcatenateGenericAlias(_GenericAlias):
    def copy_with(self, params):
        *head, last = params
        # The ParamSpec at the end was replaced: by a list of types (the result is
        # then plain arguments) or by another Concatenate (its parts are spliced in).
        if isinstance(last, (list, tuple)):
            return (*head, *last)
        if isinstance(last, _ConcatenateGenericAlias):
            params = (*head, *last.__args__)
        return _GenericAlias.copy_with(self, params)


class _UnpackGenericAlias(_GenericAlias):
    def __repr__(self):
        return "*" + repr(self.__args__[0])


class _AnnotatedAlias(_GenericAlias):
    """Annotated[T, x]: __origin__ is T, __metadata__ the rest."""

    def __init__(self, origin, metadata):
        # Annotated[Annotated[T, a], b] is Annotated[T, a, b].
        while isinstance(origin, _AnnotatedAlias):
            origin, metadata = origin.__origin__, origin.__metadata__ + metadata
        _GenericAlias.__init__(self, origin, origin)
        self.__metadata__ = metadata

    def copy_with(self, params):
        return _AnnotatedAlias(params[0], self.__metadata__)

    def __repr__(self):
        extras = ", ".join(map(repr, self.__metadata__))
        return f"typing.Annotated[{_type_repr(self.__origin__)}, {extras}]"

    def __eq__(self, other):
        if isinstance(other, _AnnotatedAlias):
            return (other.__origin__, other.__metadata__) == \
                (self.__origin__, self.__metadata__)
        return NotImplemented

    def __hash__(self):
        return hash((self.__metadata__, self.__origin__))

    def __mro_entries__(self, bases):
        return (self.__origin__,)


_alias = _SpecialGenericAlias
_abc = collections.abc

Hashable = _alias(_abc.Hashable, 0)
Iterable = _alias(_abc.Iterable, 1)
Iterator = _alias(_abc.Iterator, 1)
Reversible = _alias(_abc.Reversible, 1)
Sized = _alias(_abc.Sized, 0)
Container = _alias(_abc.Container, 1)
Collection = _alias(_abc.Collection, 1)
Callable = _CallableType(_abc.Callable, 2)
AbstractSet = _alias(_abc.Set, 1, name="AbstractSet")
MutableSet = _alias(_abc.MutableSet, 1)
Mapping = _alias(_abc.Mapping, 2)
MutableMapping = _alias(_abc.MutableMapping, 2)
Sequence = _alias(_abc.Sequence, 1)
MutableSequence = _alias(_abc.MutableSequence, 1)
ByteString = _alias(_abc.ByteString, 0)
Tuple = _TupleType(tuple, -1, inst=False, name="Tuple")
List = _alias(list, 1, inst=False, name="List")
Deque = _alias(collections.deque, 1, name="Deque")
Set = _alias(set, 1, inst=False, name="Set")
FrozenSet = _alias(frozenset, 1, inst=False, name="FrozenSet")
MappingView = _alias(_abc.MappingView, 1)
KeysView = _alias(_abc.KeysView, 1)
ItemsView = _alias(_abc.ItemsView, 2)
ValuesView = _alias(_abc.ValuesView, 1)
ContextManager = _alias(contextlib.AbstractContextManager, 1, name="ContextManager")
Dict = _alias(dict, 2, inst=False, name="Dict")
DefaultDict = _alias(collections.defaultdict, 2, name="DefaultDict")
OrderedDict = _alias(collections.OrderedDict, 2)
Counter = _alias(collections.Counter, 1)
ChainMap = _alias(collections.ChainMap, 2)
Generator = _alias(_abc.Generator, 3)
Awaitable = _alias(_abc.Awaitable, 1)
Coroutine = _alias(_abc.Coroutine, 3)
AsyncIterable = _alias(_abc.AsyncIterable, 1)
AsyncIterator = _alias(_abc.AsyncIterator, 1)
Type = _alias(type, 1, inst=False, name="Type")
Pattern = _alias(_re.Pattern, 1)
Match = _alias(_re.Match, 1)
Text = str
del _alias, _abc


# ------------------------------------------------------------ Generic, Protocol

class Generic:
    """The base of user generic classes: class Box(Generic[T]) makes Box[int]."""

    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        given = tuple(map(_type_convert, params if isinstance(params, tuple) else (params,)))
        if cls is Generic or cls is Protocol:
            # Generic[T, U] / Protocol[T]: declares the class's type variables.
            _check_declared_variables(cls, given)
            return _GenericAlias(cls, given)
        wanted = getattr(cls, "__parameters__", ())
        lone_spec = len(wanted) == 1 and isinstance(wanted[0], ParamSpec)
        if lone_spec and not (len(given) == 1 and _is_param_expr(given[0])):
            given = (given,)
        _check_generic(cls, given, len(wanted))
        return _GenericAlias(cls, given)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        own_orig = cls.__dict__.get("__orig_bases__")
        if own_orig is None:
            plain = (Generic in cls.__bases__ and cls.__name__ != "Protocol"
                     and type(cls) != _TypedDictMeta)
        else:
            plain = Generic in own_orig
        if plain:
            raise TypeError("Cannot inherit from plain Generic")
        cls.__parameters__ = () if own_orig is None else _class_variables(own_orig)


def _check_declared_variables(cls, given):
    """The arguments of Generic[...] or Protocol[...] must be distinct variables."""
    if not given:
        raise TypeError(f"Parameter list to {cls.__qualname__}[...] cannot be empty")
    variable_kinds = (TypeVar, ParamSpec, TypeVarTuple, _UnpackGenericAlias)
    if any(not isinstance(v, variable_kinds) for v in given):
        raise TypeError(f"Parameters to {cls.__name__}[...] must all be type "
                        "variables or parameter specification variables.")
    if len(set(given)) < len(given):
        raise TypeError(f"Parameters to {cls.__name__}[...] must all be unique")


def _class_variables(orig_bases):
    """A generic class's __parameters__: the variables its subscripted bases use, in
    order, or exactly those of its Generic[...] base when it has one (which must then
    list them all)."""
    used = _collect_parameters(orig_bases)
    declared = [b.__parameters__ for b in orig_bases
                if isinstance(b, _GenericAlias) and b.__origin__ is Generic]
    if len(declared) > 1:
        raise TypeError("Cannot inherit from Generic[...] multiple times.")
    if not declared:
        return tuple(used)
    unlisted = [v for v in used if v not in declared[0]]
    if unlisted:
        shown = ", ".join(map(str, unlisted))
        listed = ", ".join(map(str, declared[0]))
        raise TypeError(f"Some type variables ({shown}) are not listed in Generic[{listed}]")
    return tuple(declared[0])


# What CPython lists as never being a protocol member (its typing.EXCLUDED_ATTRIBUTES,
# in its order); _PROTO_SKIP below is glasspy's working set.
EXCLUDED_ATTRIBUTES = [
    "__parameters__", "__orig_bases__", "__orig_class__", "_is_protocol",
    "_is_runtime_protocol", "__final__", "__abstractmethods__", "__annotations__",
    "__dict__", "__doc__", "__init__", "__module__", "__new__", "__slots__",
    "__subclasshook__", "__weakref__", "__class_getitem__", "_MutableMapping__marker",
]

_PROTO_SKIP = frozenset({
    "__abstractmethods__", "__annotations__", "__dict__", "__doc__", "__init__",
    "__module__", "__new__", "__slots__", "__subclasshook__", "__weakref__",
    "__class_getitem__", "_is_protocol", "_is_runtime_protocol", "__parameters__",
    "__orig_bases__", "__qualname__", "__init_subclass__", "__match_args__",
    "__orig_class__", "__protocol_attrs__", "__non_callable_proto_members__",
})


def _get_protocol_attrs(cls):
    attrs = []
    for base in cls.__mro__[:-1]:
        if base.__name__ in ("Protocol", "Generic"):
            continue
        annotations = base.__dict__.get("__annotations__", {})
        for attr in [*base.__dict__, *annotations]:
            if not attr.startswith("_abc_") and attr not in _PROTO_SKIP:
                if attr not in attrs:
                    attrs.append(attr)
    return attrs


class _ProtocolMeta(type):
    def __instancecheck__(cls, instance):
        if cls.__dict__.get("_is_protocol", False):
            if not cls.__dict__.get("_is_runtime_protocol", False):
                raise TypeError("Instance and class checks can only be used with "
                                "@runtime_checkable protocols")
            if type.__instancecheck__(cls, instance):
                return True
            for attr in _get_protocol_attrs(cls):
                if not hasattr(instance, attr):
                    return False
                if callable(getattr(cls, attr, None)) and getattr(instance, attr) is None:
                    return False
            return True
        return type.__instancecheck__(cls, instance)

    def __subclasscheck__(cls, other):
        if cls.__dict__.get("_is_protocol", False):
            if not cls.__dict__.get("_is_runtime_protocol", False):
                raise TypeError("Instance and class checks can only be used with "
                                "@runtime_checkable protocols")
            attrs = _get_protocol_attrs(cls)
            if any(not callable(getattr(cls, a, None)) for a in attrs):
                raise TypeError("Protocols with non-method members don't support "
                                "issubclass()")
            if not isinstance(other, type):
                raise TypeError("issubclass() arg 1 must be a class")
            for attr in attrs:
                for base in other.__mro__:
                    if attr in base.__dict__:
                        if base.__dict__[attr] is None:
                            return False
                        break
                else:
                    return False
            return True
        return type.__subclasscheck__(cls, other)


def _no_init(self, *args, **kwargs):
    if type(self)._is_protocol:
        raise TypeError("Protocols cannot be instantiated")


class Protocol(Generic, metaclass=_ProtocolMeta):
    """The base of structural types: a class matches a runtime_checkable protocol
    when it has the protocol's members."""

    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        # A class is a protocol when it says so or lists Protocol among its bases;
        # protocols cannot be instantiated (unless they define __init__ themselves).
        if not cls.__dict__.get("_is_protocol", False):
            cls._is_protocol = Protocol in cls.__bases__
        if cls._is_protocol and cls.__init__ is Protocol.__init__:
            cls.__init__ = _no_init


AnyStr = TypeVar("AnyStr", bytes, str)
T = TypeVar("T")
KT = TypeVar("KT")
VT = TypeVar("VT")
T_co = TypeVar("T_co", covariant=True)
V_co = TypeVar("V_co", covariant=True)
VT_co = TypeVar("VT_co", covariant=True)
T_contra = TypeVar("T_contra", contravariant=True)
CT_co = TypeVar("CT_co", covariant=True, bound=type)


def runtime_checkable(cls):
    """Let isinstance() and issubclass() check a protocol class structurally."""
    if not (isinstance(cls, type) and issubclass(cls, Generic) and cls._is_protocol):
        raise TypeError("@runtime_checkable can be only applied to protocol classes,"
                        f" got {cls!r}")
    cls._is_runtime_protocol = True
    return cls


@runtime_checkable
class SupportsInt(Protocol):
    """An object with __int__."""
    __slots__ = ()

    def __int__(self) -> int:
        pass


@runtime_checkable
class SupportsFloat(Protocol):
    """An object with __float__."""
    __slots__ = ()

    def __float__(self) -> float:
        pass


@runtime_checkable
class SupportsComplex(Protocol):
    """An object with __complex__."""
    __slots__ = ()

    def __complex__(self) -> complex:
        pass


@runtime_checkable
class SupportsBytes(Protocol):
    """An object with __bytes__."""
    __slots__ = ()

    def __bytes__(self) -> bytes:
        pass


@runtime_checkable
class SupportsIndex(Protocol):
    """An object with __index__."""
    __slots__ = ()

    def __index__(self) -> int:
        pass


@runtime_checkable
class SupportsAbs(Protocol[T_co]):
    """An object with __abs__."""
    __slots__ = ()

    def __abs__(self) -> T_co:
        pass


@runtime_checkable
class SupportsRound(Protocol[T_co]):
    """An object with __round__."""
    __slots__ = ()

    def __round__(self, ndigits: int = 0) -> T_co:
        pass


class IO(Generic[AnyStr]):
    """The generic type of file objects."""

    __slots__ = ()

    @property
    def mode(self) -> str:
        pass

    @property
    def name(self) -> str:
        pass

    def close(self) -> None:
        pass

    @property
    def closed(self) -> bool:
        pass

    def read(self, n: int = -1) -> AnyStr:
        pass

    def readline(self, limit: int = -1) -> AnyStr:
        pass

    def write(self, s: AnyStr) -> int:
        pass


class BinaryIO(IO[bytes]):
    """The type of binary files."""

    __slots__ = ()


class TextIO(IO[str]):
    """The type of text files."""

    __slots__ = ()

# ------------------------------------------------------------ the second half
# The class factories, the marking decorators and the functions that read
# annotations live in _typing_runtime (one file would pass the size limit); they
# are typing's names, with typing as their __module__.

from _typing_runtime import (
    NamedTuple, NamedTupleMeta, NewType, TypedDict, _NamedTuple, _TypedDict,
    _TypedDictMeta, assert_never, assert_type, cast, clear_overloads,
    dataclass_transform, final, get_args, get_origin, get_overloads, get_type_hints,
    is_typeddict, no_type_check, no_type_check_decorator, overload, reveal_type,
)
