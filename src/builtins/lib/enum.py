"""Enumerations (Enum, IntEnum, StrEnum, Flag, IntFlag), written for glasspy.

EnumType collects a class body's members in an _EnumDict, builds the class with
type.__new__, then makes one member per name: an instance of the class made by the
mixed-in type's __new__ (object's, int's, str's or the class's own), with _name_ and
_value_ set. Lookups by value go through _value2member_map_; a Flag value that no
member has gets a pseudo-member made (and cached) by Flag._missing_.
"""

from _collections import _caller_module

__all__ = ["EnumType", "EnumMeta", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag",
           "ReprEnum", "auto", "unique", "property", "FlagBoundary",
           "STRICT", "CONFORM", "EJECT", "KEEP"]

_builtin_property = property

# Filled in as the module runs (EnumType.__new__ looks at them).
Enum = Flag = ReprEnum = EJECT = KEEP = STRICT = CONFORM = None


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == "__"
            and name[2] != "_" and name[-3] != "_")


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == "_"
            and name[1] != "_" and name[-2] != "_")


def _is_private(cls_name, name):
    prefix = "_%s__" % cls_name.lstrip("_")
    return name.startswith(prefix) and not name.endswith("__")


# glasspy's functions and built-in descriptors have no __get__ attribute (their
# binding is the interpreter's), so they are named here.
_DESCRIPTOR_TYPES = (type(_is_dunder), classmethod, staticmethod, _builtin_property,
                     type(len))


def _is_descriptor(obj):
    return (isinstance(obj, _DESCRIPTOR_TYPES) or hasattr(obj, "__get__")
            or hasattr(obj, "__set__") or hasattr(obj, "__delete__"))


def _is_single_bit(num):
    return num != 0 and num & (num - 1) == 0


def _bin(num, max_bits):
    """num in binary with a sign digit, padded to max_bits: '0b0 0101'."""
    digits = format(num, "b") if num >= 0 else format(~num ^ ((1 << max_bits) - 1), "b")
    sign = "0b0" if num >= 0 else "0b1"
    fill = sign[-1]
    if len(digits) < max_bits:
        digits = fill * (max_bits - len(digits)) + digits
    return "%s %s" % (sign, digits)


class _AutoNull:
    def __repr__(self):
        return "_auto_null"


_auto_null = _AutoNull()


class auto:
    """A member value chosen by the enumeration's _generate_next_value_."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)


class property:
    """A member attribute (name, value): on the class it looks up a member of that
    name instead."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.name = getattr(fget, "__name__", None)
        self.__doc__ = doc if doc is not None else getattr(fget, "__doc__", None)

    def __get__(self, member, owner=None):
        if member is not None:
            return self.fget(member)
        found = getattr(owner, "_member_map_", {}).get(self.name)
        if found is None:
            raise AttributeError(self.name)
        return found

    def __set__(self, instance, value):
        raise AttributeError("cannot set attribute %r of %r" % (self.name, instance))

    def __delete__(self, instance):
        raise AttributeError("cannot delete attribute %r of %r" % (self.name, instance))


class _EnumDict(dict):
    """The namespace of an enumeration's class body: it records the member names in
    order, fills in auto() values and refuses names defined twice."""

    def __init__(self, cls_name=""):
        super().__init__()
        self._cls_name = cls_name
        self._member_names = {}
        self._last_values = []
        self._ignore = []
        self._generate_next_value = None
        # Has an auto() value been generated? (then _generate_next_value_ is too late)
        self._auto_used = False

    def __setitem__(self, key, value):
        if _is_private(self._cls_name, key):
            pass
        elif _is_sunder(key):
            if key == "_ignore_":
                if isinstance(value, str):
                    value = value.replace(",", " ").split()
                else:
                    value = list(value)
                self._ignore = value
                clash = {n for n in value if n in self._member_names}
                if clash:
                    raise ValueError(
                        f"_ignore_ cannot specify already set names: {clash!r}")
            elif key == "_generate_next_value_":
                if self._auto_used:
                    raise TypeError(
                        "_generate_next_value_ must be defined before members")
                self._generate_next_value = getattr(value, "__func__", value)
        elif _is_dunder(key):
            if key == "__order__":
                key = "_order_"
        elif key in self._member_names:
            raise TypeError("%r already defined as %r" % (key, self[key]))
        elif key in self._ignore:
            pass
        elif _is_descriptor(value):
            pass
        else:
            if key in self:
                raise TypeError("%r already defined as %r" % (key, self[key]))
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = self._generate_next_value(
                        key, 1, len(self._member_names), self._last_values[:])
                    self._auto_used = True
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                items = []
                for v in value:
                    if isinstance(v, auto):
                        if v.value is _auto_null:
                            v.value = self._generate_next_value(
                                key, 1, len(self._member_names), self._last_values[:])
                            self._auto_used = True
                        v = v.value
                    items.append(v)
                value = tuple(items)
            self._member_names[key] = None
            self._last_values.append(value)
        super().__setitem__(key, value)


class EnumType(type):
    """The metaclass of enumerations: iteration, len(), `in`, lookup by name
    (Color['RED']) and by value (Color(1))."""

    @classmethod
    def __prepare__(mcls, name, bases, **kwds):
        _refuse_extending(name, bases)
        body = _EnumDict(name)
        base_enum = _mixins(name, bases)[1]
        if base_enum is not None:
            body["_generate_next_value_"] = getattr(base_enum, "_generate_next_value_", None)
        return body

    def __new__(mcls, name, bases, classdict, *, boundary=None, _simple=False, **kwds):
        if not isinstance(classdict, _EnumDict):
            body = mcls.__prepare__(name, bases)
            for key, value in classdict.items():
                body[key] = value
            classdict = body
        for key in classdict._ignore:
            classdict.pop(key, None)
        classdict.pop("_ignore_", None)
        member_type, first_enum = _mixins(name, bases)
        new, save_new, use_args = _member_maker(classdict, member_type, first_enum)
        members = [(key, dict.__getitem__(classdict, key)) for key in classdict._member_names]
        for key, _ in members:
            dict.__delitem__(classdict, key)
        order = classdict.pop("_order_", None)
        if Enum is not None and "__new__" in classdict:
            dict.__delitem__(classdict, "__new__")
        ns = dict(classdict)
        ns["_new_member_"] = new
        ns["_use_args_"] = use_args
        ns["_member_names_"] = []
        ns["_member_map_"] = {}
        ns["_value2member_map_"] = {}
        ns["_unhashable_values_"] = []
        ns["_member_type_"] = member_type
        if Flag is not None and any(issubclass(b, Flag) for b in bases):
            ns["_boundary_"] = boundary or getattr(first_enum, "_boundary_", None)
        elif boundary is not None:
            ns["_boundary_"] = boundary
        if first_enum is not None:
            # repr and friends are the enumeration's, not the mixed-in type's.
            for attr in ("__repr__", "__str__", "__format__", "__reduce_ex__"):
                if attr in classdict:
                    continue
                found = None
                for base in bases:
                    for b in base.__mro__:
                        if attr in b.__dict__:
                            found = b.__dict__[attr]
                            break
                    if found is not None:
                        break
                if (found is None or found == getattr(member_type, attr, None)
                        or found == getattr(object, attr, None)):
                    ns[attr] = first_enum.__dict__.get(attr) or getattr(first_enum, attr)
        if ReprEnum is not None and any(b is ReprEnum for b in bases):
            if member_type is object:
                raise TypeError("ReprEnum subclasses must be mixed with a data type "
                                "(i.e. int, str, float, etc.)")
            if "__format__" not in classdict:
                ns["__format__"] = member_type.__format__
            if "__str__" not in classdict:
                method = member_type.__str__
                if method is object.__str__:
                    method = member_type.__repr__
                ns["__str__"] = method
        if Enum is not None:
            if save_new:
                ns["__new_member__"] = new
            ns["__new__"] = Enum.__new__
        enum_class = super().__new__(mcls, name, bases, ns, **kwds)
        for member_name, value in members:
            enum_class._add_member_(member_name, value)
        if _is_flag_class(enum_class):
            mask = single = 0
            for m in enum_class._member_map_.values():
                mask |= m._value_
                if _is_single_bit(m._value_):
                    single |= m._value_
            type.__setattr__(enum_class, "_flag_mask_", mask)
            type.__setattr__(enum_class, "_singles_mask_", single)
            type.__setattr__(enum_class, "_all_bits_", 2 ** mask.bit_length() - 1)
        if order is not None:
            if isinstance(order, str):
                order = order.replace(",", " ").split()
            if order != enum_class._member_names_:
                raise TypeError("member order does not match _order_:\n  %r\n  %r"
                                % (enum_class._member_names_, order))
        return enum_class

    def _add_member_(cls, name, value):
        args = value if isinstance(value, tuple) else (value,)
        if cls._member_type_ is tuple:
            args = (args,)
        if not cls._use_args_:
            member = cls._new_member_(cls)
        else:
            member = cls._new_member_(cls, *args)
        if not hasattr(member, "_value_"):
            if cls._member_type_ is object:
                member._value_ = value
            else:
                try:
                    member._value_ = cls._member_type_(*args)
                except Exception as exc:
                    new_exc = TypeError("_value_ not set in __new__, unable to create it")
                    new_exc.__cause__ = exc
                    raise new_exc
        value = member._value_
        member._name_ = name
        member.__objclass__ = cls
        member.__init__(*args)
        member._sort_order_ = len(cls._member_names_)
        canonical = _by_value(cls, value)
        if canonical is not None:
            member = canonical
        elif (Flag is None or not issubclass(cls, Flag)
              or _is_single_bit(value if isinstance(value, int) else 0)):
            cls._member_names_.append(name)
        if name not in cls.__dict__:
            type.__setattr__(cls, name, member)
        cls._member_map_[name] = member
        try:
            cls._value2member_map_.setdefault(value, member)
        except TypeError:
            cls._unhashable_values_.append(value)

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname,
                            type=type, start=start, boundary=boundary)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(member).__qualname__, cls.__class__.__qualname__))
        if not isinstance(member, cls):
            return False
        return member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError(f"{cls.__name__!r} cannot delete member {attr!r}.")
        super().__delattr__(attr)

    def __getattr__(cls, name):
        if _is_dunder(name):
            raise AttributeError(name)
        try:
            return cls._member_map_[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        by_name = cls._member_map_
        return (by_name[n] for n in cls._member_names_)

    def __reversed__(cls):
        by_name = cls._member_map_
        return (by_name[n] for n in cls._member_names_[::-1])

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    @_builtin_property
    def __members__(cls):
        """name -> member, aliases included (a read-only mapping)."""
        return type(type.__dict__)(cls._member_map_)

    def __repr__(cls):
        kind = "flag" if _is_flag_class(cls) else "enum"
        return f"<{kind} {cls.__name__!r}>"

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get("_member_map_", {})
        if name in member_map:
            raise AttributeError("cannot reassign member %r" % (name,))
        super().__setattr__(name, value)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        """The functional API: Color = Enum("Color", "RED GREEN")."""
        mcls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        base_enum = _mixins(class_name, bases)[1]
        body = mcls.__prepare__(class_name, bases)
        for member_name, member_value in _functional_pairs(names, base_enum, start):
            body[member_name] = member_value
        if module is None:
            module = _caller_module(2)
        if module is not None:
            body["__module__"] = module
        if qualname is not None:
            body["__qualname__"] = qualname
        return mcls.__new__(mcls, class_name, bases, body, boundary=boundary)


# ----- how a new enumeration is put together from its bases -------------------------

def _refuse_extending(name, bases):
    # An enumeration that has members cannot be subclassed.
    final = next((k for b in bases for k in b.__mro__
                  if isinstance(k, EnumType) and k._member_names_), None)
    if final is not None:
        raise TypeError(f"<enum {name!r}> cannot extend {final!r}")


def _mixins(name, bases):
    # (the members' data type, the enumeration the new one derives from).
    if not bases:
        return object, Enum
    base_enum = bases[-1]
    if not isinstance(base_enum, EnumType):
        raise TypeError("new enumerations should be created as `EnumName("
                        "[mixin_type, ...] [data_type,] enum_type)`")
    return _data_type(name, bases) or object, base_enum


def _data_type(name, bases):
    # The one data type the bases bring (None if none does).
    found = []
    for base in bases:
        kind = _chain_data_type(base)
        if kind is not None and kind not in found:
            found.append(kind)
    if len(found) > 1:
        raise TypeError(f"too many data types for {name!r}: {set(found)!r}")
    return found[0] if found else None


def _chain_data_type(base):
    # Walking one base's MRO (object aside): an enumeration ends the walk with its own
    # data type; a class defining __new__ ends it with itself -- or with the first
    # plain class met before it (a mixin in front of the data type).
    first_plain = None
    for k in base.__mro__:
        if k is object:
            continue
        if isinstance(k, EnumType):
            return None if k._member_type_ is object else k._member_type_
        if "__new__" in k.__dict__:
            return first_plain or k
        if first_plain is None:
            first_plain = k
    return None


def _member_maker(body, member_type, base_enum):
    # How members are made: (the __new__ to call, whether the class body's own
    # __new__ is kept as __new_member__, whether it takes the value as arguments).
    own = body.get("__new__")
    if own is not None:
        return own, base_enum is not None, own is not object.__new__
    plain = (None, object.__new__, Enum.__new__ if Enum is not None else None)
    for attr in ("__new_member__", "__new__"):
        for source in (member_type, base_enum):
            maker = getattr(source, attr, None)
            if all(maker is not p for p in plain):
                return maker, False, True
    return object.__new__, False, False


def _functional_pairs(names, base_enum, start):
    # The (name, value) pairs the functional API's `names` stands for: "A B" or "A,B"
    # or a list of names (values from _generate_next_value_), pairs, or a mapping.
    if isinstance(names, str):
        names = names.replace(",", " ").split()
    if isinstance(names, (list, tuple)) and names and isinstance(names[0], str):
        made = []
        for count, name in enumerate(names):
            value = base_enum._generate_next_value_(name, start, count, made[:])
            made.append(value)
            yield name, value
        return
    for item in names:
        if isinstance(item, str):
            yield item, names[item]
        else:
            yield item


def _by_value(cls, value):
    # The member whose value is `value` (unhashable values are searched), or None.
    try:
        return cls._value2member_map_.get(value)
    except TypeError:
        return next((m for m in cls._member_map_.values() if m._value_ == value), None)


def _is_flag_class(cls):
    return Flag is not None and issubclass(cls, Flag)


EnumMeta = EnumType


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs: the members of the class."""

    def __new__(cls, value):
        if type(value) is cls:
            return value
        member = _by_value(cls, value)
        if member is not None:
            return member
        # No member has that value: ask _missing_.
        try:
            found = cls._missing_(value)
        except Exception as e:
            failure = e
        else:
            if isinstance(found, cls):
                return found
            if _is_flag_class(cls) and cls._boundary_ is EJECT and isinstance(found, int):
                return found
            failure = None
            if found is not None:
                failure = TypeError(f"error in {cls.__name__}._missing_: returned "
                                    f"{found!r} instead of None or a valid member")
        invalid = ValueError(f"{value!r} is not a valid {cls.__qualname__}")
        if failure is None:
            raise invalid
        if not isinstance(failure, ValueError):
            failure.__context__ = invalid
        raise failure

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        last = last_values[-1]
        try:
            return last + 1
        except TypeError:
            raise TypeError("unable to increment %r" % (last,)) from None

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        # <Color.RED: 1>; a Flag pseudo-member without a name: <Perm: 8>
        kind = type(self)
        shown = (kind._value_repr_ or repr)(self._value_)
        if self._name_ is None:
            return f"<{kind.__name__}: {shown}>"
        return f"<{kind.__name__}.{self._name_}: {shown}>"

    def __str__(self):
        return f"{type(self).__name__}.{self._name_}"

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    _value_repr_ = None

    @property
    def name(self):
        """The name of the member."""
        return self._name_

    @property
    def value(self):
        """The value of the member."""
        return self._value_


class ReprEnum(Enum):
    """Only the repr is Enum's: str() and format() are the mixed-in type's."""


class IntEnum(int, ReprEnum):
    """An Enum whose members are ints."""


class StrEnum(str, ReprEnum):
    """An Enum whose members are strs."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError("too many arguments for str(): %r" % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError("%r is not a string" % (values[0],))
        if len(values) >= 2 and not isinstance(values[1], str):
            raise TypeError("encoding must be a string, not %r" % (values[1],))
        if len(values) == 3 and not isinstance(values[2], str):
            raise TypeError("errors must be a string, not %r" % (values[2],))
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class FlagBoundary(StrEnum):
    """What Flag does with a value that has bits no member has."""
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


class Flag(Enum, boundary=STRICT):
    """An Enum whose members combine with the bit operators."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        # The first member gets `start` (1 if None), each later one the power of two
        # above the highest value so far.
        if count == 0:
            return 1 if start is None else start
        highest = max(last_values)
        try:
            width = highest.bit_length()
        except Exception:
            raise TypeError("invalid flag value %r" % (highest,)) from None
        return 1 << width

    @classmethod
    def _iter_member_(cls, value):
        for name in cls._member_names_:
            m = cls._member_map_[name]
            if _is_single_bit(m._value_) and m._value_ & value == m._value_:
                yield m

    @classmethod
    def _missing_(cls, value):
        # A value no member has: what the boundary policy makes of bits outside the
        # members', then a pseudo-member (cached in _value2member_map_) named after
        # the members whose bits it holds.
        if not isinstance(value, int):
            raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")
        known, every = cls._flag_mask_, cls._all_bits_
        in_range = ~every <= value <= every
        if not in_range or value & (every ^ known):
            policy = cls._boundary_
            if policy is STRICT:
                width = max(known.bit_length(), value.bit_length())
                raise ValueError(f"{cls!r} invalid value {value!r}\n"
                                 f"    given {_bin(value, width)}\n"
                                 f"  allowed {_bin(known, width)}")
            if policy is CONFORM:
                value &= known
            elif policy is EJECT:
                return value
            elif policy is KEEP:
                if value < 0:
                    value += max(every + 1, 2 ** value.bit_length())
            else:
                raise ValueError(f"{cls!r} unknown flag boundary {policy!r}")
        as_given = value
        if value < 0:
            value += every + 1
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        if not hasattr(pseudo, "_value_"):
            pseudo._value_ = value
        parts = [m._name_ for m in cls._iter_member_(value)]
        if parts and value & ~known:
            parts.append(cls._numeric_repr_(value & ~known))
        pseudo._name_ = "|".join(parts) if parts else None
        cache = cls._value2member_map_
        pseudo = cache.setdefault(value, pseudo)
        if as_given < 0:
            cache[as_given] = pseudo
        return pseudo

    _numeric_repr_ = repr

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError(f"unsupported operand type(s) for 'in': "
                            f"{type(other).__qualname__!r} and {type(self).__qualname__!r}")
        return self._value_ & other._value_ == other._value_

    def __iter__(self):
        return self._iter_member_(self._value_)

    def __len__(self):
        return bin(self._value_).count("1")

    __repr__ = Enum.__repr__

    def __str__(self):
        if self._name_ is None:
            return f"{type(self).__name__}({self._value_!r})"
        return f"{type(self).__name__}.{self._name_}"

    def __bool__(self):
        return bool(self._value_)

    def _operand(self, other):
        # The bits of the other operand of |, & or ^, or None if it is not one.
        if isinstance(other, type(self)):
            return other._value_
        data = self._member_type_
        if data is not object and isinstance(other, data):
            return other
        return None

    def __or__(self, other):
        bits = self._operand(other)
        return NotImplemented if bits is None else type(self)(self._value_ | bits)

    def __and__(self, other):
        bits = self._operand(other)
        return NotImplemented if bits is None else type(self)(self._value_ & bits)

    def __xor__(self, other):
        bits = self._operand(other)
        return NotImplemented if bits is None else type(self)(self._value_ ^ bits)

    def __invert__(self):
        if self._boundary_ in (EJECT, KEEP):
            return self.__class__(~self._value_)
        return self.__class__(self._singles_mask_ & ~self._value_)

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """A Flag whose members are ints."""

    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__ror__
    __rand__ = Flag.__rand__
    __rxor__ = Flag.__rxor__
    __invert__ = Flag.__invert__


def unique(enumeration):
    """A class decorator: ValueError if an enumeration has aliases."""
    duplicates = [(name, member.name)
                  for name, member in enumeration.__members__.items()
                  if name != member.name]
    if duplicates:
        details = ", ".join("%s -> %s" % (alias, name) for alias, name in duplicates)
        raise ValueError("duplicate values found in %r: %s" % (enumeration, details))
    return enumeration


# ------------------------------------------------------------------ global enums
# An enum whose members a module exports as its own names (re.IGNORECASE) shows
# them that way: global_enum copies the members into the module's namespace and
# gives the class the reprs below.

def _module_leaf(member):
    return member.__class__.__module__.rpartition(".")[2]


def global_enum_repr(self):
    """repr of a member of a global enum: module.NAME."""
    return "%s.%s" % (_module_leaf(self), self._name_)


def global_flag_repr(self):
    """repr of a global flag: its member names as module.NAME joined by '|'; the
    unknown bits a KEEP flag holds stay a number."""
    module = _module_leaf(self)
    if self._name_ is None:
        return "%s.%s(%r)" % (module, self.__class__.__name__, self._value_)
    keep_numbers = self._boundary_ is KEEP
    return "|".join(part if keep_numbers and part[:1].isdigit() else module + "." + part
                    for part in self._name_.split("|"))


def global_str(self):
    """str of a member of a global enum: its bare name."""
    if self._name_ is None:
        return "%s(%r)" % (self.__class__.__name__, self._value_)
    return self._name_


def global_enum(cls, update_str=False):
    """Class decorator: put the enum's members in its module's namespace and make
    their repr (and their str, unless the class keeps its mixed-in type's str)
    module.NAME."""
    import sys
    cls.__repr__ = global_flag_repr if issubclass(cls, Flag) else global_enum_repr
    if update_str or not issubclass(cls, ReprEnum):
        cls.__str__ = global_str
    sys.modules[cls.__module__].__dict__.update(cls.__members__)
    return cls


__all__ += ["global_enum", "global_enum_repr", "global_flag_repr", "global_str"]
