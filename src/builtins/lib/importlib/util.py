"""Utilities of the import system: find_spec, module_from_spec,
spec_from_file_location, spec_from_loader, resolve_name."""

import sys
import _imp
import _frozen_importlib as _bootstrap
from . import _resolve_name

MAGIC_NUMBER = None


def resolve_name(name, package):
    """The absolute name of `name`, which may be relative to `package`."""
    if not name.startswith("."):
        return name
    if not package:
        raise ImportError(f"no package specified for {repr(name)} "
                          "(required for relative module names)")
    level = 0
    while level < len(name) and name[level] == ".":
        level += 1
    return _resolve_name(name[level:], package, level)


def _find_spec(fullname, path):
    found = _imp.find(fullname, path)
    if found is None:
        return None
    kind, origin, locations = found
    if kind == "builtin":
        return _bootstrap.ModuleSpec(fullname, _bootstrap.BuiltinImporter, origin=origin)
    return _bootstrap._spec(fullname, kind, origin, locations)


def find_spec(name, package=None):
    """The spec of module `name` (None if there is none). A module already in
    sys.modules answers with its __spec__; a submodule's parent is imported first."""
    fullname = resolve_name(name, package) if name.startswith(".") else name
    if fullname not in sys.modules:
        parent_name = fullname.rpartition(".")[0]
        if parent_name:
            parent = __import__(parent_name, fromlist=["__path__"])
            try:
                parent_path = parent.__path__
            except AttributeError as e:
                raise ModuleNotFoundError(
                    f"__path__ attribute not found on {parent_name!r} "
                    f"while trying to find {fullname!r}", name=fullname) from e
        else:
            parent_path = None
        return _find_spec(fullname, parent_path)
    module = sys.modules[fullname]
    if module is None:
        return None
    try:
        spec = module.__spec__
    except AttributeError:
        raise ValueError("{}.__spec__ is not set".format(name)) from None
    if spec is None:
        raise ValueError("{}.__spec__ is None".format(name))
    return spec


def module_from_spec(spec):
    """A new module for `spec`, with its import attributes set (not run yet)."""
    module = None
    if hasattr(spec.loader, "create_module"):
        module = spec.loader.create_module(spec)
    elif hasattr(spec.loader, "exec_module"):
        raise ImportError("loaders that define exec_module() must also define create_module()")
    if module is None:
        module = type(sys)(spec.name)
    module.__spec__ = spec
    module.__loader__ = spec.loader
    module.__package__ = spec.parent
    if spec.submodule_search_locations is not None:
        module.__path__ = spec.submodule_search_locations
    if spec.has_location:
        module.__file__ = spec.origin
        module.__cached__ = spec.cached
    return module


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    """A spec for a module a given loader loads."""
    if origin is None:
        origin = getattr(loader, "_ORIGIN", None)
    if is_package is None and hasattr(loader, "is_package"):
        try:
            is_package = loader.is_package(name)
        except ImportError:
            is_package = None
    return _bootstrap.ModuleSpec(name, loader, origin=origin, is_package=is_package)


_POPULATE = object()


def spec_from_file_location(name, location=None, *, loader=None,
                            submodule_search_locations=_POPULATE):
    """A spec for the module in file `location` (a SourceFileLoader loads it)."""
    if location is None:
        location = "<unknown>"
    if loader is None:
        loader = _bootstrap.SourceFileLoader(name, location)
    spec = _bootstrap.ModuleSpec(name, loader, origin=location)
    spec.has_location = True
    if submodule_search_locations is _POPULATE:
        if hasattr(loader, "is_package") and loader.is_package(name):
            spec.submodule_search_locations = []
    else:
        spec.submodule_search_locations = submodule_search_locations
    if spec.submodule_search_locations == []:
        folder = location.rpartition("/")[0]
        if folder:
            spec.submodule_search_locations.append(folder)
    return spec


def cache_from_source(path, debug_override=None, *, optimization=None):
    """glasspy writes no bytecode caches (sys.implementation.cache_tag is None)."""
    raise NotImplementedError("sys.implementation.cache_tag is None")


def source_from_cache(path):
    """glasspy writes no bytecode caches (sys.implementation.cache_tag is None)."""
    raise NotImplementedError("sys.implementation.cache_tag is None")


def set_package(fxn):
    """Decorator (deprecated in CPython): set __package__ on the module a loader
    method returns."""
    def set_package_wrapper(*args, **kwargs):
        module = fxn(*args, **kwargs)
        if getattr(module, "__package__", None) is None:
            module.__package__ = module.__name__
            if not hasattr(module, "__path__"):
                module.__package__ = module.__package__.rpartition(".")[0]
        return module
    set_package_wrapper.__wrapped__ = fxn
    return set_package_wrapper


def set_loader(fxn):
    """Decorator (deprecated in CPython): set __loader__ on the module a loader
    method returns."""
    def set_loader_wrapper(self, *args, **kwargs):
        module = fxn(self, *args, **kwargs)
        if getattr(module, "__loader__", None) is None:
            module.__loader__ = self
        return module
    set_loader_wrapper.__wrapped__ = fxn
    return set_loader_wrapper


def module_for_loader(fxn):
    """Decorator (deprecated in CPython): call a load_module-style method with the
    module to fill (the one in sys.modules, or a new one registered there, removed
    again if the method fails)."""
    def module_for_loader_wrapper(self, fullname, *args, **kwargs):
        module = sys.modules.get(fullname)
        is_reload = module is not None
        if not is_reload:
            module = type(sys)(fullname)
            module.__initializing__ = True
            sys.modules[fullname] = module
        try:
            module.__loader__ = self
            try:
                is_package = self.is_package(fullname)
            except (ImportError, AttributeError):
                pass
            else:
                module.__package__ = fullname if is_package else fullname.rpartition(".")[0]
            return fxn(self, module, *args, **kwargs)
        except BaseException:
            if not is_reload:
                del sys.modules[fullname]
            raise
        finally:
            module.__initializing__ = False
    module_for_loader_wrapper.__wrapped__ = fxn
    return module_for_loader_wrapper
