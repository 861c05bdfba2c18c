"""Data classes (PEP 557), written for glasspy from the Python 3.11 documentation.

`@dataclass` reads a class's annotations and adds the special methods they imply:
`__init__`, `__repr__`, `__eq__`, the orderings, `__hash__`, `__setattr__` /
`__delattr__` for frozen classes, `__match_args__` and `__slots__`. The methods are
written as source text and compiled with exec, one function per method.
"""

import copy
import keyword
import sys
import types
from types import FunctionType

__all__ = [
    "dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "KW_ONLY",
    "MISSING", "fields", "asdict", "astuple", "make_dataclass", "replace",
    "is_dataclass",
]


class FrozenInstanceError(AttributeError):
    """Raised when a field of a frozen dataclass is assigned or deleted."""


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return "<factory>"


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()

_NO_METADATA = types.MappingProxyType({})


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE("_FIELD")
_FIELD_CLASSVAR = _FIELD_BASE("_FIELD_CLASSVAR")
_FIELD_INITVAR = _FIELD_BASE("_FIELD_INITVAR")

_FIELDS = "__dataclass_fields__"
_PARAMS = "__dataclass_params__"
_POST_INIT_NAME = "__post_init__"


class InitVar:
    """A pseudo-field: an argument of `__init__` passed on to `__post_init__`."""

    __slots__ = ("type",)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            name = self.type.__name__
        else:
            name = repr(self.type)
        return f"dataclasses.InitVar[{name}]"

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    """What `field()` returns, and what `fields()` lists: one field's settings."""

    __slots__ = ("name", "type", "default", "default_factory", "repr", "hash",
                 "init", "compare", "metadata", "kw_only", "_field_type")

    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        if metadata is None:
            self.metadata = _NO_METADATA
        else:
            self.metadata = types.MappingProxyType(metadata)
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ("Field("
                f"name={self.name!r},"
                f"type={self.type!r},"
                f"default={self.default!r},"
                f"default_factory={self.default_factory!r},"
                f"init={self.init!r},"
                f"repr={self.repr!r},"
                f"hash={self.hash!r},"
                f"compare={self.compare!r},"
                f"metadata={self.metadata!r},"
                f"kw_only={self.kw_only!r},"
                f"_field_type={self._field_type}"
                ")")

    def __set_name__(self, owner, name):
        # A default that is itself a descriptor hears its name too.
        hook = getattr(type(self.default), "__set_name__", None)
        if hook is not None:
            hook(self.default, owner, name)


class _DataclassParams:
    __slots__ = ("init", "repr", "eq", "order", "unsafe_hash", "frozen")

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ("_DataclassParams("
                f"init={self.init!r},"
                f"repr={self.repr!r},"
                f"eq={self.eq!r},"
                f"order={self.order!r},"
                f"unsafe_hash={self.unsafe_hash!r},"
                f"frozen={self.frozen!r}"
                ")")


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Describe one field: its default (or default factory) and which generated
    methods use it."""
    if MISSING not in (default, default_factory):
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata,
                 kw_only)


def _of_kind(fields_dict, *kinds):
    return tuple(f for f in fields_dict.values() if f._field_type in kinds)


def fields(class_or_instance):
    """The fields of a dataclass or of one of its instances, as a tuple of Field
    objects (ClassVar and InitVar pseudo-fields left out)."""
    table = getattr(class_or_instance, _FIELDS, None)
    if table is None:
        raise TypeError("must be called with a dataclass type or instance")
    return _of_kind(table, _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """True for a dataclass and for an instance of one."""
    return hasattr(obj if isinstance(obj, type) else type(obj), _FIELDS)


# ---------------------------------------------------------------- asdict / astuple

def asdict(obj, *, dict_factory=dict):
    """The instance's fields as a dict, recursing into dataclasses, lists, tuples and
    dicts; other values are deep-copied."""
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _unpack(obj, dict_factory, True)


def astuple(obj, *, tuple_factory=tuple):
    """The instance's field values as a tuple, recursing as asdict() does."""
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _unpack(obj, tuple_factory, False)


def _unpack(value, factory, named):
    # asdict (named: (name, value) pairs for `factory`) and astuple (values only).
    def again(v):
        return _unpack(v, factory, named)

    if _is_dataclass_instance(value):
        got = [again(getattr(value, f.name)) for f in fields(value)]
        if named:
            got = [(f.name, v) for f, v in zip(fields(value), got)]
        return factory(got)
    kind = type(value)
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        # a named tuple takes its items as separate arguments
        return kind(*map(again, value))
    if isinstance(value, (list, tuple)):
        return kind(again(v) for v in value)
    if isinstance(value, dict):
        return kind((again(k), again(v)) for k, v in value.items())
    return copy.deepcopy(value)


def replace(obj, /, **changes):
    """A new instance of obj's class with the fields in `changes` replaced."""
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in _of_kind(getattr(obj, _FIELDS), _FIELD, _FIELD_INITVAR):
        given = f.name in changes
        if not f.init:
            if given:
                raise ValueError(f"field {f.name} is declared with init=False, "
                                 "it cannot be specified with replace()")
        elif not given:
            if f.default is MISSING and f._field_type is _FIELD_INITVAR:
                raise ValueError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return type(obj)(**changes)


# ------------------------------------------------------------ reading the class body

def _string_names(cls, annotation, module, name):
    """Whether a string annotation (`ClassVar[int]`, `typing.ClassVar`) names
    `module`'s `name`, read in the namespace of the class's module."""
    head = annotation.strip()
    for stop in "[ ":
        head = head.split(stop, 1)[0]
    if "." in head:
        prefix, _, last = head.partition(".")
    else:
        prefix, last = None, head
    mod = sys.modules.get(module)
    home = sys.modules.get(cls.__module__)
    if mod is None or home is None:
        return False
    ns = home.__dict__
    if prefix is None:
        return ns.get(last, None) is getattr(mod, name, MISSING)
    return ns.get(prefix.strip(), None) is mod and last.strip() == name


def _annotation_kind(cls, tp):
    # _FIELD, _FIELD_CLASSVAR or _FIELD_INITVAR, from the annotation.
    if isinstance(tp, str):
        if _string_names(cls, tp, "typing", "ClassVar"):
            return _FIELD_CLASSVAR
        if _string_names(cls, tp, "dataclasses", "InitVar"):
            return _FIELD_INITVAR
        return _FIELD
    typing = sys.modules.get("typing")
    if typing is not None:
        marker = typing.ClassVar
        if tp is marker or getattr(tp, "__origin__", None) is marker:
            return _FIELD_CLASSVAR
    if tp is InitVar or type(tp) is InitVar:
        return _FIELD_INITVAR
    return _FIELD


def _marks_kw_only(cls, tp):
    return tp is KW_ONLY or (isinstance(tp, str)
                             and _string_names(cls, tp, "dataclasses", "KW_ONLY"))


def _field_for(cls, name, tp, kw_only_default):
    # The Field for one annotated name: the class attribute if it is a Field (from
    # field()), else a new one whose default is that attribute (a slot's member
    # descriptor is not a default).
    given = getattr(cls, name, MISSING)
    if isinstance(given, Field):
        f = given
    else:
        f = field(default=MISSING if isinstance(given, types.MemberDescriptorType)
                  else given)
    f.name, f.type = name, tp
    f._field_type = kind = _annotation_kind(cls, tp)
    pseudo = kind is not _FIELD
    if pseudo and f.default_factory is not MISSING:
        raise TypeError(f"field {name} cannot have a default factory")
    if kind is _FIELD_CLASSVAR:
        if f.kw_only is not MISSING:
            raise TypeError(f"field {name} is a ClassVar but specifies kw_only")
    elif f.kw_only is MISSING:
        f.kw_only = kw_only_default
    # list, dict and set defaults would be shared by every instance: python3 refuses
    # any default whose type is unhashable.
    if not pseudo and type(f.default).__hash__ is None:
        raise ValueError(f"mutable default {type(f.default)} for field {name} "
                         "is not allowed: use default_factory")
    return f


# ---------------------------------------------------------- writing the methods

def _install(cls, name, fn):
    """Put a generated method on the class, unless the class body defines that name:
    then leave it and return False."""
    if name in cls.__dict__:
        return False
    if isinstance(fn, FunctionType):
        fn.__qualname__ = f"{cls.__qualname__}.{fn.__name__}"
    setattr(cls, name, fn)
    return True


def _compile_method(name, params, lines, names, returns=MISSING):
    """Compile `def name(params): lines`. The objects in `names` reach the method
    as closure cells: the def sits inside a maker function taking them as arguments
    (so the method's globals stay empty, as in python3)."""
    names = dict(names)
    note = ""
    if returns is not MISSING:
        names["__dataclass_return__"] = returns
        note = " -> __dataclass_return__"
    body = "\n".join(f"        {line}" for line in (lines or ["pass"]))
    text = (f"def __create_fn__({', '.join(names)}):\n"
            f"    def {name}({', '.join(params)}){note}:\n{body}\n"
            f"    return {name}\n")
    space = {}
    exec(text, {}, space)
    return space["__create_fn__"](**names)


def _store(frozen, me, name, value):
    # The source of `me.name = value` (through object.__setattr__ when frozen).
    if frozen:
        return f"__dataclass_builtins_object__.__setattr__({me},{name!r},{value})"
    return f"{me}.{name}={value}"


def _make_init(all_fields, positional, keyword_only, frozen, post_init, me, slots):
    names = {"MISSING": MISSING, "_HAS_DEFAULT_FACTORY": _HAS_DEFAULT_FACTORY,
             "__dataclass_builtins_object__": object}
    defaulted = False
    for f in positional:
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        if has_default:
            defaulted = True
        elif defaulted:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")

    def param(f):
        names[f"_type_{f.name}"] = f.type
        if f.default is not MISSING:
            return f"{f.name}:_type_{f.name}=_dflt_{f.name}"
        if f.default_factory is not MISSING:
            return f"{f.name}:_type_{f.name}=_HAS_DEFAULT_FACTORY"
        return f"{f.name}:_type_{f.name}"

    lines = []
    for f in all_fields:
        # What the field is set to: the argument, the factory's result (always when
        # the field is not an argument, else only when the argument was left out), or
        # the default when __slots__ took away the class attribute holding it.
        dflt = f"_dflt_{f.name}"
        if f.default_factory is not MISSING:
            names[dflt] = f.default_factory
            value = (f"{dflt}() if {f.name} is _HAS_DEFAULT_FACTORY else {f.name}"
                     if f.init else f"{dflt}()")
        elif f.init:
            if f.default is not MISSING:
                names[dflt] = f.default
            value = f.name
        elif slots and f.default is not MISSING:
            names[dflt] = f.default
            value = dflt
        else:
            continue
        if f._field_type is not _FIELD_INITVAR:
            lines.append(_store(frozen, me, f.name, value))
    if post_init:
        passed = [f.name for f in all_fields if f._field_type is _FIELD_INITVAR]
        lines.append(f"{me}.{_POST_INIT_NAME}({','.join(passed)})")
    params = [me] + [param(f) for f in positional]
    if keyword_only:
        params += ["*"] + [param(f) for f in keyword_only]
    return _compile_method("__init__", params, lines, names, returns=None)


def _make_repr(shown):
    inside = ", ".join(f"{f.name}={{self.{f.name}!r}}" for f in shown)
    fn = _compile_method("__repr__", ["self"],
                         [f'return self.__class__.__qualname__ + f"({inside})"'], {})
    return _guard_recursion(fn)


def _guard_recursion(repr_fn):
    # '...' for an instance whose repr is already being made (a cycle).
    busy = set()

    def __repr__(self):
        me = id(self)
        if me in busy:
            return "..."
        busy.add(me)
        try:
            return repr_fn(self)
        finally:
            busy.discard(me)

    __repr__.__doc__ = repr_fn.__doc__
    __repr__.__wrapped__ = repr_fn
    return __repr__


def _as_tuple_text(who, chosen):
    # "(self.a,self.b,)": the compared (or hashed) fields as a tuple expression.
    return "(" + "".join(f"{who}.{f.name}," for f in chosen) + ")"


def _make_compare(name, op, chosen):
    mine, theirs = _as_tuple_text("self", chosen), _as_tuple_text("other", chosen)
    return _compile_method(name, ["self", "other"], [
        "if other.__class__ is self.__class__:",
        f"    return {mine}{op}{theirs}",
        "return NotImplemented"], {})


def _make_frozen_guards(cls, chosen):
    names = {"cls": cls, "FrozenInstanceError": FrozenInstanceError}
    protected = "(" + "".join(f"{f.name!r}," for f in chosen) + ")"
    guards = []
    for method, params, verb, call in (
            ("__setattr__", ["self", "name", "value"], "assign to", "__setattr__(name, value)"),
            ("__delattr__", ["self", "name"], "delete", "__delattr__(name)")):
        guards.append(_compile_method(method, params, [
            f"if type(self) is cls or name in {protected}:",
            f'    raise FrozenInstanceError(f"cannot {verb} field {{name!r}}")',
            f"super(cls, self).{call}"], names))
    return guards


def _hash_rule(unsafe_hash, eq, frozen, explicit):
    """What @dataclass does about __hash__: "keep" the class's, set it to "none",
    "add" one over the fields, or "refuse" (unsafe_hash over an explicit __hash__)."""
    if unsafe_hash:
        return "refuse" if explicit else "add"
    if not eq or explicit:
        return "keep"
    return "add" if frozen else "none"


def _format_annotation(tp):
    if isinstance(tp, type):
        if tp.__module__ == "builtins":
            return tp.__qualname__
        return f"{tp.__module__}.{tp.__qualname__}"
    if getattr(type(tp), "__module__", None) == "typing":
        return repr(tp).replace("typing.", "")
    return repr(tp)


def _signature_text(cls, std_fields, kw_fields):
    def one(f):
        text = f.name
        if f.type is not MISSING:
            text += ": " + _format_annotation(f.type)
        if f.default is not MISSING:
            text += " = " + repr(f.default)
        elif f.default_factory is not MISSING:
            text += " = <factory>"
        return text
    parts = [one(f) for f in std_fields]
    if kw_fields:
        parts += ["*"] + [one(f) for f in kw_fields]
    return f"{cls.__name__}({', '.join(parts)})"


# ---------------------------------------------------------- @dataclass itself

def _collect_fields(cls, kw_only):
    """The class's fields, the bases' first (a dataclass base's fields, oldest base
    first, then this class's annotations in order), and whether a dataclass base
    exists and whether one is frozen (None when there is none)."""
    table = {}
    base_frozen = None
    for base in reversed(cls.__mro__[1:]):
        inherited = getattr(base, _FIELDS, None)
        if inherited is None:
            continue
        table.update((f.name, f) for f in inherited.values())
        base_frozen = bool(base_frozen) or getattr(base, _PARAMS).frozen
    annotations = cls.__dict__.get("__annotations__", {})
    marker_seen = False
    for name, tp in annotations.items():
        if _marks_kw_only(cls, tp):
            if marker_seen:
                raise TypeError(f"{name!r} is KW_ONLY, but KW_ONLY has already been specified")
            marker_seen = kw_only = True
            continue
        f = _field_for(cls, name, tp, kw_only)
        table[name] = f
        # the class attribute was field(...): it becomes the plain default, or goes
        if isinstance(getattr(cls, name, None), Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
    stray = next((n for n, v in cls.__dict__.items()
                  if isinstance(v, Field) and n not in annotations), None)
    if stray is not None:
        raise TypeError(f"{stray!r} is a field but has no type annotation")
    return table, base_frozen


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                   kw_only, slots, weakref_slot):
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))
    table, base_frozen = _collect_fields(cls, kw_only)
    if base_frozen is not None and base_frozen != bool(frozen):
        if base_frozen:
            raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
        raise TypeError("cannot inherit frozen dataclass from a non-frozen one")
    setattr(cls, _FIELDS, table)

    # A class body's __hash__ counts, except the None that defining __eq__ implies.
    own_hash = cls.__dict__.get("__hash__", MISSING)
    explicit_hash = own_hash is not MISSING and not (
        own_hash is None and "__eq__" in cls.__dict__)
    if order and not eq:
        raise ValueError("eq must be true if order is true")

    real = [f for f in table.values() if f._field_type is _FIELD]
    in_init = [f for f in table.values() if f._field_type is not _FIELD_CLASSVAR]
    positional = [f for f in in_init if f.init and not f.kw_only]
    keyword_only = [f for f in in_init if f.init and f.kw_only]
    compared = [f for f in real if f.compare]

    if init:
        me = "__dataclass_self__" if "self" in table else "self"
        _install(cls, "__init__", _make_init(in_init, positional, keyword_only, frozen,
                                             hasattr(cls, _POST_INIT_NAME), me, slots))
    if repr:
        _install(cls, "__repr__", _make_repr([f for f in real if f.repr]))
    if eq:
        _install(cls, "__eq__", _make_compare("__eq__", "==", compared))
    if order:
        for name, op in (("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"),
                         ("__ge__", ">=")):
            if not _install(cls, name, _make_compare(name, op, compared)):
                raise TypeError(f"Cannot overwrite attribute {name} in class "
                                f"{cls.__name__}. Consider using functools.total_ordering")
    if frozen:
        for guard in _make_frozen_guards(cls, real):
            if not _install(cls, guard.__name__, guard):
                raise TypeError(f"Cannot overwrite attribute {guard.__name__} in class "
                                f"{cls.__name__}")

    rule = _hash_rule(bool(unsafe_hash), bool(eq), bool(frozen), explicit_hash)
    if rule == "refuse":
        raise TypeError(f"Cannot overwrite attribute __hash__ in class {cls.__name__}")
    if rule == "none":
        cls.__hash__ = None
    elif rule == "add":
        hashed = [f for f in real if (f.compare if f.hash is None else f.hash)]
        fn = _compile_method("__hash__", ["self"],
                             [f"return hash({_as_tuple_text('self', hashed)})"], {})
        fn.__qualname__ = f"{cls.__qualname__}.__hash__"
        cls.__hash__ = fn

    if not getattr(cls, "__doc__"):
        cls.__doc__ = _signature_text(cls, positional, keyword_only)
    if match_args:
        _install(cls, "__match_args__", tuple(f.name for f in positional))
    if weakref_slot and not slots:
        raise TypeError("weakref_slot is True but slots is False")
    return _remade_with_slots(cls, frozen, weakref_slot) if slots else cls


def _declared_slots(cls):
    # The slot names a class's own __slots__ declares.
    slots = cls.__dict__.get("__slots__")
    if slots is None:
        return []
    return [slots] if isinstance(slots, str) else list(slots)


def _frozen_getstate(self):
    return [getattr(self, name) for name in _field_names(self)]


def _field_names(obj):
    return [f.name for f in fields(obj)]


def _frozen_setstate(self, state):
    for f, value in zip(fields(self), state):
        object.__setattr__(self, f.name, value)


def _remade_with_slots(cls, frozen, weakref_slot):
    # __slots__ only works when a class is made, so slots=True makes the class again
    # from its namespace, with a slot per field the bases do not already have.
    names = [f.name for f in fields(cls)]
    taken = {n for base in cls.__mro__[1:-1] for n in _declared_slots(base)}
    slots = [n for n in names if n not in taken]
    if weakref_slot and "__weakref__" not in taken:
        slots.append("__weakref__")
    space = {k: v for k, v in cls.__dict__.items()
             if k not in names and k not in ("__dict__", "__weakref__")}
    space["__slots__"] = tuple(slots)
    remade = type(cls)(cls.__name__, cls.__bases__, space)
    qualname = getattr(cls, "__qualname__", None)
    if qualname is not None:
        remade.__qualname__ = qualname
    if frozen:
        # frozen instances cannot be restored by setattr: pickle goes through these
        if "__getstate__" not in space:
            remade.__getstate__ = _frozen_getstate
        if "__setstate__" not in space:
            remade.__setstate__ = _frozen_setstate
    return remade


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True, kw_only=False,
              slots=False, weakref_slot=False):
    """Add the special methods a class's annotated fields imply (see the module's
    documentation); with arguments, a decorator that does so."""
    def decorate(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                              match_args, kw_only, slots, weakref_slot)
    return decorate if cls is None else decorate(cls)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True,
                   repr=True, eq=True, order=False, unsafe_hash=False,
                   frozen=False, match_args=True, kw_only=False, slots=False,
                   weakref_slot=False):
    """Make a dataclass named cls_name with the given fields: names, (name, type)
    or (name, type, Field) items."""
    annotations, specs = {}, {}
    for item in fields:
        if isinstance(item, str):
            name, tp, spec = item, "typing.Any", MISSING
        elif len(item) in (2, 3):
            name, tp, spec = (*item, MISSING)[:3]
        else:
            raise TypeError(f"Invalid field: {item!r}")
        if not (isinstance(name, str) and name.isidentifier()):
            raise TypeError(f"Field names must be valid identifiers: {name!r}")
        if keyword.iskeyword(name):
            raise TypeError(f"Field names must not be keywords: {name!r}")
        if name in annotations:
            raise TypeError(f"Field name duplicated: {name!r}")
        annotations[name] = tp
        if spec is not MISSING:
            specs[name] = spec

    def fill(ns):
        ns.update(namespace or {})
        ns.update(specs)
        ns["__annotations__"] = annotations

    made = types.new_class(cls_name, bases, {}, fill)
    options = dict(init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash,
                   frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots,
                   weakref_slot=weakref_slot)
    return dataclass(made, **options)
