"""glasspy's importlib: import_module, reload and invalidate_caches, written on the
interpreter's own import system (src/vm/import.rs, reached through the built-in _imp
module). importlib.util and importlib.machinery are submodules."""

import sys
import _imp

__all__ = ["__import__", "import_module", "invalidate_caches", "reload"]

import builtins as _builtins


def __import__(name, globals=None, locals=None, fromlist=(), level=0):
    """What the import statement calls: import `name` and return its top-level
    package (or, with a fromlist, the module itself)."""
    return _builtins.__import__(name, globals, locals, fromlist, level)



def _resolve_name(name, package, level):
    """The absolute name of a relative import `level` packages up from `package`."""
    bits = package.rsplit(".", level - 1)
    if len(bits) < level:
        raise ImportError("attempted relative import beyond top-level package")
    base = bits[0]
    return base + "." + name if name else base


def _sanity_check(name, package, level):
    if not isinstance(name, str):
        raise TypeError("module name must be str, not {}".format(type(name)))
    if level < 0:
        raise ValueError("level must be >= 0")
    if level > 0:
        if not isinstance(package, str):
            raise TypeError("__package__ not set to a string")
        if not package:
            raise ImportError("attempted relative import with no known parent package")
    if not name and level == 0:
        raise ValueError("Empty module name")


def _gcd_import(name, package=None, level=0):
    """Import `name` (relative to `package` when level > 0); the module itself."""
    _sanity_check(name, package, level)
    if level > 0:
        name = _resolve_name(name, package, level)
    return _imp.import_absolute(name)


def import_module(name, package=None):
    """Import a module and return it (not its top-level package, unlike
    __import__). A relative name ('.mod', '..pkg.mod') needs `package`."""
    level = 0
    if name.startswith("."):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative "
                            "import for {!r}".format(name))
        while level < len(name) and name[level] == ".":
            level += 1
    return _gcd_import(name[level:], package, level)


def reload(module):
    """Run a module's code again in its own namespace; returns the module now in
    sys.modules under its name."""
    if type(module) is not type(sys):
        raise TypeError("reload() argument must be a module")
    return _imp.reload(module)


def invalidate_caches():
    """glasspy keeps no finder caches: there is nothing to invalidate."""


def find_loader(name, path=None):
    """The loader of module `name` (deprecated in CPython: use util.find_spec)."""
    from . import util
    try:
        loader = sys.modules[name].__loader__
    except KeyError:
        pass
    else:
        if loader is None:
            raise ValueError("{}.__loader__ is None".format(name))
        return loader
    spec = util._find_spec(name, path)
    if spec is None:
        return None
    return spec.loader
