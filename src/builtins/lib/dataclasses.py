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

_EMPTY_METADATA = types.MappingProxyType({})


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
            self.metadata = _EMPTY_METADATA
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
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata,
                 kw_only)


def _own_fields(fields_dict, kinds):
    return tuple(f for f in fields_dict.values() if f._field_type in kinds)


def fields(class_or_instance):
    """The fields of a dataclass or of one of its instances, as a tuple of Field
    objects (ClassVar and InitVar pseudo-fields left out)."""
    try:
        fields_dict = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return _own_fields(fields_dict, (_FIELD,))


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """True for a dataclass and for an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


# ---------------------------------------------------------------- asdict / astuple

def asdict(obj, *, dict_factory=dict):
    """The instance's fields as a dict, recursing into dataclasses, lists, tuples and
    dicts; other values are deep-copied."""
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            result.append((f.name, _asdict_inner(getattr(obj, f.name), dict_factory)))
        return dict_factory(result)
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory),
                          _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """The instance's field values as a tuple, recursing as asdict() does."""
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory),
                          _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def replace(obj, /, **changes):
    """A new instance of obj's class with the fields in `changes` replaced."""
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f"field {f.name} is declared with init=False, "
                                 "it cannot be specified with replace()")
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


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


def _is_classvar(tp):
    typing = sys.modules.get("typing")
    if typing is None:
        return False
    cv = typing.ClassVar
    return tp is cv or getattr(tp, "__origin__", None) is cv


def _is_initvar(tp):
    return tp is InitVar or type(tp) is InitVar


def _is_kw_only(tp):
    return tp is KW_ONLY


def _make_field(cls, name, tp, default_kw_only):
    default = getattr(cls, name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        if isinstance(default, types.MemberDescriptorType):
            default = MISSING
        f = field(default=default)
    f.name = name
    f.type = tp
    f._field_type = _FIELD
    if isinstance(tp, str):
        if _string_names(cls, tp, "typing", "ClassVar"):
            f._field_type = _FIELD_CLASSVAR
        elif _string_names(cls, tp, "dataclasses", "InitVar"):
            f._field_type = _FIELD_INITVAR
    elif _is_classvar(tp):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(tp):
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f"field {f.name} cannot have a default factory")
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError(f"field {f.name} is a ClassVar but specifies kw_only")
    if f._field_type is _FIELD and f.default.__class__.__hash__ is None:
        raise ValueError(f"mutable default {type(f.default)} for field {f.name} "
                         "is not allowed: use default_factory")
    return f


# ---------------------------------------------------------- writing the methods

def _set_qualname(cls, fn):
    if isinstance(fn, FunctionType):
        fn.__qualname__ = f"{cls.__qualname__}.{fn.__name__}"
    return fn


def _set_new_attribute(cls, name, value):
    """Put a generated method on the class unless the class defines it (True then)."""
    if name in cls.__dict__:
        return True
    _set_qualname(cls, value)
    setattr(cls, name, value)
    return False


def _create_fn(name, params, body, env, return_type=MISSING):
    """Compile `def name(params): body` in a function whose locals are `env`'s keys,
    so the method's free names are closure cells (as CPython's dataclasses does)."""
    env = dict(env)
    ret = ""
    if return_type is not MISSING:
        env["_return_type"] = return_type
        ret = " -> _return_type"
    inner = f"  def {name}({', '.join(params)}){ret}:\n"
    inner += "".join(f"   {line}\n" for line in (body or ["pass"]))
    names = ", ".join(env)
    src = f"def __create_fn__({names}):\n{inner}  return {name}"
    ns = {}
    exec(src, {}, ns)
    return ns["__create_fn__"](**env)


def _field_assign(frozen, name, value, self_name):
    if frozen:
        return f"__dataclass_builtins_object__.__setattr__({self_name},{name!r},{value})"
    return f"{self_name}.{name}={value}"


def _field_init(f, frozen, env, self_name, slots):
    default_name = f"_dflt_{f.name}"
    if f.default_factory is not MISSING:
        env[default_name] = f.default_factory
        if f.init:
            value = (f"{default_name}() if {f.name} is _HAS_DEFAULT_FACTORY "
                     f"else {f.name}")
        else:
            value = f"{default_name}()"
    elif f.init:
        if f.default is not MISSING:
            env[default_name] = f.default
        value = f.name
    elif slots and f.default is not MISSING:
        env[default_name] = f.default
        value = default_name
    else:
        # The class attribute holds the default.
        return None
    if f._field_type is _FIELD_INITVAR:
        return None
    return _field_assign(frozen, f.name, value, self_name)


def _init_param(f):
    if f.default is MISSING and f.default_factory is MISSING:
        default = ""
    elif f.default is not MISSING:
        default = f"=_dflt_{f.name}"
    else:
        default = "=_HAS_DEFAULT_FACTORY"
    return f"{f.name}:_type_{f.name}{default}"


def _init_fn(fields, std_fields, kw_only_fields, frozen, has_post_init, self_name,
             env, slots):
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError(f"non-default argument {f.name!r} follows default argument")
    env = dict(env)
    env.update({"MISSING": MISSING, "_HAS_DEFAULT_FACTORY": _HAS_DEFAULT_FACTORY,
                "__dataclass_builtins_object__": object})
    body = []
    for f in fields:
        line = _field_init(f, frozen, env, self_name, slots)
        if line:
            body.append(line)
    if has_post_init:
        args = ",".join(f.name for f in fields if f._field_type is _FIELD_INITVAR)
        body.append(f"{self_name}.{_POST_INIT_NAME}({args})")
    for f in fields:
        if f.init:
            env[f"_type_{f.name}"] = f.type
    params = [self_name] + [_init_param(f) for f in std_fields]
    if kw_only_fields:
        params += ["*"] + [_init_param(f) for f in kw_only_fields]
    return _create_fn("__init__", params, body, env, return_type=None)


def _repr_fn(fields, env):
    parts = ", ".join(f"{f.name}={{self.{f.name}!r}}" for f in fields)
    fn = _create_fn("__repr__", ("self",),
                    [f'return self.__class__.__qualname__ + f"({parts})"'], env)
    return _recursive_repr(fn)


def _recursive_repr(user_function):
    # '...' for an instance whose repr is already being made (a cycle).
    running = set()

    def wrapper(self):
        key = id(self)
        if key in running:
            return "..."
        running.add(key)
        try:
            result = user_function(self)
        finally:
            running.discard(key)
        return result

    wrapper.__name__ = user_function.__name__
    wrapper.__doc__ = user_function.__doc__
    wrapper.__wrapped__ = user_function
    return wrapper


def _tuple_str(obj_name, fields):
    if not fields:
        return "()"
    return f"({','.join(f'{obj_name}.{f.name}' for f in fields)},)"


def _cmp_fn(name, op, self_tuple, other_tuple, env):
    return _create_fn(name, ("self", "other"), [
        "if other.__class__ is self.__class__:",
        f" return {self_tuple}{op}{other_tuple}",
        "return NotImplemented"], env)


def _frozen_get_del_attr(cls, fields, env):
    env = dict(env)
    env["cls"] = cls
    env["FrozenInstanceError"] = FrozenInstanceError
    if fields:
        names = "(" + ",".join(repr(f.name) for f in fields) + ",)"
    else:
        names = "()"
    setattr_fn = _create_fn("__setattr__", ("self", "name", "value"), [
        f"if type(self) is cls or name in {names}:",
        " raise FrozenInstanceError(f\"cannot assign to field {name!r}\")",
        "super(cls, self).__setattr__(name, value)"], env)
    delattr_fn = _create_fn("__delattr__", ("self", "name"), [
        f"if type(self) is cls or name in {names}:",
        " raise FrozenInstanceError(f\"cannot delete field {name!r}\")",
        "super(cls, self).__delattr__(name)"], env)
    return setattr_fn, delattr_fn


def _hash_fn(fields, env):
    return _create_fn("__hash__", ("self",),
                      [f"return hash({_tuple_str('self', fields)})"], env)


def _hash_set_none(cls, fields, env):
    return None


def _hash_add(cls, fields, env):
    flds = [f for f in fields if (f.compare if f.hash is None else f.hash)]
    return _set_qualname(cls, _hash_fn(flds, env))


def _hash_exception(cls, fields, env):
    raise TypeError(f"Cannot overwrite attribute __hash__ in class {cls.__name__}")


# (unsafe_hash, eq, frozen, has an explicit __hash__) -> what to do with __hash__.
_hash_action = {
    (False, False, False, False): None,
    (False, False, False, True): None,
    (False, False, True, False): None,
    (False, False, True, True): None,
    (False, True, False, False): _hash_set_none,
    (False, True, False, True): None,
    (False, True, True, False): _hash_add,
    (False, True, True, True): None,
    (True, False, False, False): _hash_add,
    (True, False, False, True): _hash_exception,
    (True, False, True, False): _hash_add,
    (True, False, True, True): _hash_exception,
    (True, True, False, False): _hash_add,
    (True, True, False, True): _hash_exception,
    (True, True, True, False): _hash_add,
    (True, True, True, True): _hash_exception,
}


def _format_annotation(tp):
    if isinstance(tp, type):
        if tp.__module__ == "builtins":
            return tp.__qualname__
        return f"{tp.__module__}.{tp.__qualname__}"
    if getattr(type(tp), "__module__", None) == "typing":
        return repr(tp).replace("typing.", "")
    return repr(tp)


def _signature_text(cls, init_fields, std_fields, kw_fields):
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


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                   kw_only, slots, weakref_slot):
    all_fields = {}
    # The names the generated methods use, passed to them as closure cells.
    env = {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))

    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                all_fields[f.name] = f
            if getattr(b, _PARAMS).frozen:
                any_frozen_base = True

    annotations = cls.__dict__.get("__annotations__", {})
    own = []
    kw_only_seen = False
    for name, tp in annotations.items():
        if _is_kw_only(tp) or (isinstance(tp, str) and
                               _string_names(cls, tp, "dataclasses", "KW_ONLY")):
            if kw_only_seen:
                raise TypeError(f"{name!r} is KW_ONLY, but KW_ONLY has already been specified")
            kw_only_seen = True
            kw_only = True
        else:
            own.append(_make_field(cls, name, tp, kw_only))
    for f in own:
        all_fields[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f"{name!r} is a field but has no type annotation")

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
        if not any_frozen_base and frozen:
            raise TypeError("cannot inherit frozen dataclass from a non-frozen one")

    setattr(cls, _FIELDS, all_fields)

    class_hash = cls.__dict__.get("__hash__", MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and "__eq__" in cls.__dict__))

    if order and not eq:
        raise ValueError("eq must be true if order is true")

    init_fields = [f for f in all_fields.values()
                   if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init = [f for f in init_fields if f.init and not f.kw_only]
    kw_init = [f for f in init_fields if f.init and f.kw_only]

    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        self_name = "__dataclass_self__" if "self" in all_fields else "self"
        _set_new_attribute(cls, "__init__",
                           _init_fn(init_fields, std_init, kw_init, frozen,
                                    has_post_init, self_name, env, slots))

    field_list = [f for f in all_fields.values() if f._field_type is _FIELD]

    if repr:
        _set_new_attribute(cls, "__repr__", _repr_fn([f for f in field_list if f.repr], env))

    if eq:
        cmp = [f for f in field_list if f.compare]
        _set_new_attribute(cls, "__eq__", _cmp_fn("__eq__", "==", _tuple_str("self", cmp),
                                                  _tuple_str("other", cmp), env))

    if order:
        cmp = [f for f in field_list if f.compare]
        st, ot = _tuple_str("self", cmp), _tuple_str("other", cmp)
        for name, op in (("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")):
            if _set_new_attribute(cls, name, _cmp_fn(name, op, st, ot, env)):
                raise TypeError(f"Cannot overwrite attribute {name} in class "
                                f"{cls.__name__}. Consider using functools.total_ordering")

    if frozen:
        for fn in _frozen_get_del_attr(cls, field_list, env):
            if _set_new_attribute(cls, fn.__name__, fn):
                raise TypeError(f"Cannot overwrite attribute {fn.__name__} in class "
                                f"{cls.__name__}")

    action = _hash_action[(bool(unsafe_hash), bool(eq), bool(frozen), has_explicit_hash)]
    if action is not None:
        cls.__hash__ = action(cls, field_list, env)

    if not getattr(cls, "__doc__"):
        cls.__doc__ = _signature_text(cls, init_fields, std_init, kw_init)

    if match_args:
        _set_new_attribute(cls, "__match_args__", tuple(f.name for f in std_init))

    if weakref_slot and not slots:
        raise TypeError("weakref_slot is True but slots is False")
    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)
    return cls


def _slots_of(cls):
    # The slot names a class's own __slots__ declares.
    slots = cls.__dict__.get("__slots__")
    if slots is None:
        return []
    if isinstance(slots, str):
        return [slots]
    return list(slots)


def _get_state(self):
    return [getattr(self, f.name) for f in fields(self)]


def _set_state(self, state):
    for f, value in zip(fields(self), state):
        object.__setattr__(self, f.name, value)


def _add_slots(cls, is_frozen, weakref_slot):
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    inherited = set()
    for base in cls.__mro__[1:-1]:
        inherited.update(_slots_of(base))
    new_slots = [n for n in field_names if n not in inherited]
    if weakref_slot and "__weakref__" not in inherited:
        new_slots.append("__weakref__")
    cls_dict["__slots__"] = tuple(new_slots)
    for name in field_names:
        cls_dict.pop(name, None)
    cls_dict.pop("__dict__", None)
    cls_dict.pop("__weakref__", None)
    qualname = getattr(cls, "__qualname__", None)
    new_cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        new_cls.__qualname__ = qualname
    if is_frozen:
        if "__getstate__" not in cls_dict:
            new_cls.__getstate__ = _get_state
        if "__setstate__" not in cls_dict:
            new_cls.__setstate__ = _set_state
    return new_cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True, kw_only=False,
              slots=False, weakref_slot=False):
    """Add the special methods a class's annotated fields imply (see the module's
    documentation); with arguments, a decorator that does so."""
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                              match_args, kw_only, slots, weakref_slot)
    if cls is None:
        return wrap
    return wrap(cls)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True,
                   repr=True, eq=True, order=False, unsafe_hash=False,
                   frozen=False, match_args=True, kw_only=False, slots=False,
                   weakref_slot=False):
    """Make a dataclass named cls_name with the given fields: names, (name, type)
    or (name, type, Field) items."""
    if namespace is None:
        namespace = {}
    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name = item
            tp = "typing.Any"
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError(f"Invalid field: {item!r}")
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f"Field names must be valid identifiers: {name!r}")
        if keyword.iskeyword(name):
            raise TypeError(f"Field names must not be keywords: {name!r}")
        if name in seen:
            raise TypeError(f"Field name duplicated: {name!r}")
        seen.add(name)
        annotations[name] = tp

    def exec_body_callback(ns):
        ns.update(namespace)
        ns.update(defaults)
        ns["__annotations__"] = annotations

    cls = types.new_class(cls_name, bases, {}, exec_body_callback)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen, match_args=match_args,
                     kw_only=kw_only, slots=slots, weakref_slot=weakref_slot)
