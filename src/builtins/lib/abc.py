"""Abstract base classes (PEP 3119), written for glasspy.

ABCMeta keeps, per class, the classes registered with it, a cache of the classes
known to be its subclasses and a negative cache that get_cache_token()'s counter
invalidates whenever any ABC registers a class. The abstract-method check itself is
the interpreter's: object.__new__ refuses a class whose __abstractmethods__ is true.
"""

__all__ = ["ABCMeta", "ABC", "abstractmethod", "abstractclassmethod",
           "abstractstaticmethod", "abstractproperty", "get_cache_token",
           "update_abstractmethods"]

# Bumped by every register(): negative caches older than it are stale.
_abc_invalidation_counter = 0


def abstractmethod(funcobj):
    """Mark a method abstract: a class that has it cannot be instantiated until a
    subclass overrides it (with ABCMeta as the metaclass)."""
    funcobj.__isabstractmethod__ = True
    return funcobj


# glasspy's classmethod, staticmethod and property cannot be subclassed yet, so the
# deprecated abstract* decorators return the built-in descriptor around an abstract
# function (its __isabstractmethod__ follows the function's).
def abstractclassmethod(callable):
    """Deprecated: use classmethod with abstractmethod."""
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    """Deprecated: use staticmethod with abstractmethod."""
    callable.__isabstractmethod__ = True
    return staticmethod(callable)


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    """Deprecated: use property with abstractmethod."""
    for f in (fget, fset, fdel):
        if f is not None:
            f.__isabstractmethod__ = True
    return property(fget, fset, fdel, doc)


def get_cache_token():
    """The current ABC cache token: it changes whenever a class is registered."""
    return _abc_invalidation_counter


class _abc_data:
    __slots__ = ("registry", "cache", "negative_cache", "negative_cache_version",
                 "subclasses")

    def __init__(self):
        self.registry = {}
        self.cache = {}
        self.negative_cache = {}
        self.negative_cache_version = _abc_invalidation_counter
        self.subclasses = []


def _abstracts_of(cls, own):
    abstracts = set()
    for name, value in own:
        if getattr(value, "__isabstractmethod__", False):
            abstracts.add(name)
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    return frozenset(abstracts)


def _abc_init(cls):
    cls.__abstractmethods__ = _abstracts_of(cls, list(cls.__dict__.items()))
    cls._abc_impl = _abc_data()
    for base in cls.__bases__:
        impl = base.__dict__.get("_abc_impl")
        if type(impl) is _abc_data:
            impl.subclasses.append(cls)


class ABCMeta(type):
    """The metaclass of abstract base classes: classes can be registered as
    virtual subclasses, and __subclasshook__ can decide issubclass()."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        _abc_init(cls)
        return cls

    def register(cls, subclass):
        """Register a virtual subclass of this ABC; returns it (a decorator)."""
        global _abc_invalidation_counter
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_impl.registry[subclass] = None
        _abc_invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        """isinstance(instance, cls)."""
        impl = cls._abc_impl
        subclass = instance.__class__
        if subclass in impl.cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if (impl.negative_cache_version == _abc_invalidation_counter
                    and subclass in impl.negative_cache):
                return False
            return cls.__subclasscheck__(subclass)
        return cls.__subclasscheck__(subclass) or cls.__subclasscheck__(subtype)

    def __subclasscheck__(cls, subclass):
        """issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        impl = cls._abc_impl
        if subclass in impl.cache:
            return True
        if impl.negative_cache_version < _abc_invalidation_counter:
            impl.negative_cache = {}
            impl.negative_cache_version = _abc_invalidation_counter
        elif subclass in impl.negative_cache:
            return False
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            if ok is not True and ok is not False:
                raise AssertionError("__subclasshook__ must return either False, "
                                     "True, or NotImplemented")
            if ok:
                impl.cache[subclass] = None
            else:
                impl.negative_cache[subclass] = None
            return ok
        if cls in getattr(subclass, "__mro__", ()):
            impl.cache[subclass] = None
            return True
        for rcls in list(impl.registry):
            if issubclass(subclass, rcls):
                impl.cache[subclass] = None
                return True
        for scls in list(impl.subclasses):
            if issubclass(subclass, scls):
                impl.cache[subclass] = None
                return True
        impl.negative_cache[subclass] = None
        return False

    def _dump_registry(cls, file=None):
        """Print the ABC's registry and caches (for debugging)."""
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        impl = cls._abc_impl
        print(f"_abc_registry: {set(impl.registry)!r}", file=file)
        print(f"_abc_cache: {set(impl.cache)!r}", file=file)
        print(f"_abc_negative_cache: {set(impl.negative_cache)!r}", file=file)
        print(f"_abc_negative_cache_version: {impl.negative_cache_version!r}",
              file=file)

    def _abc_registry_clear(cls):
        """Clear the registry (for debugging or testing)."""
        cls._abc_impl.registry.clear()

    def _abc_caches_clear(cls):
        """Clear the caches (for debugging or testing)."""
        cls._abc_impl.cache.clear()
        cls._abc_impl.negative_cache.clear()


def update_abstractmethods(cls):
    """Recompute an ABC's __abstractmethods__ after methods were added to it or
    implemented on it; returns the class. Classes that are not ABCs are returned
    unchanged."""
    if not hasattr(cls, "__abstractmethods__"):
        return cls
    cls.__abstractmethods__ = _abstracts_of(cls, list(cls.__dict__.items()))
    return cls


class ABC(metaclass=ABCMeta):
    """A helper class whose metaclass is ABCMeta: derive from it to make an ABC."""
    __slots__ = ()
