"""glasspy's import machinery as Python code sees it: module specs and loaders.

The import system itself runs in the interpreter (src/vm/import.rs); it calls _spec()
to make the ModuleSpec of each module it loads from a file, and _fix() to give the
modules made before this one (sys, builtins, __main__) their __spec__ and __loader__.
"""

import _imp


class ModuleSpec:
    """The import-system state of a module: name, loader, origin, and for a
    package the places to search for its submodules."""

    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._set_fileattr = False
        self._cached = None

    def __repr__(self):
        parts = ["name=%r" % (self.name,), "loader=%r" % (self.loader,)]
        if self.origin is not None:
            parts.append("origin=%r" % (self.origin,))
        if self.submodule_search_locations is not None:
            parts.append("submodule_search_locations=%s" % (self.submodule_search_locations,))
        return "%s(%s)" % (type(self).__name__, ", ".join(parts))

    def __eq__(self, other):
        try:
            return (self.name == other.name
                    and self.loader == other.loader
                    and self.origin == other.origin
                    and self.submodule_search_locations == other.submodule_search_locations
                    and self.cached == other.cached
                    and self.has_location == other.has_location)
        except AttributeError:
            return NotImplemented

    @property
    def cached(self):
        # glasspy writes no bytecode caches.
        return self._cached

    @cached.setter
    def cached(self, value):
        self._cached = value

    @property
    def parent(self):
        if self.submodule_search_locations is None:
            return self.name.rpartition(".")[0]
        return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)


class BuiltinImporter:
    """Finds and loads the modules built into the interpreter."""

    _ORIGIN = "built-in"

    @staticmethod
    def module_repr(module):
        return "<module %r (built-in)>" % (module.__name__,)

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if path is None and _imp.is_builtin(fullname):
            return ModuleSpec(fullname, cls, origin=cls._ORIGIN)
        return None

    @staticmethod
    def create_module(spec):
        return _imp.load(spec.name, ("builtin", "built-in", None))

    @staticmethod
    def exec_module(module):
        pass

    @classmethod
    def get_code(cls, fullname):
        return None

    @classmethod
    def get_source(cls, fullname):
        return None

    @classmethod
    def is_package(cls, fullname):
        return False


class SourceFileLoader:
    """Loads a module from Python source: a file, or one bundled in glasspy."""

    __module__ = "_frozen_importlib_external"

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return self.__class__ == other.__class__ and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def get_filename(self, name=None):
        return self.path

    def get_source(self, fullname):
        return _imp.source(self.path)

    def get_data(self, path):
        return _imp.source(path)

    def is_package(self, fullname):
        filename = self.path.rpartition("/")[2]
        return filename.rpartition(".")[0] == "__init__"

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        _imp.exec_module(module)


class _NamespacePath:
    """The __path__ of a namespace package: the folders that make it up."""

    __module__ = "_frozen_importlib_external"

    def __init__(self, path):
        self._path = list(path)

    def __iter__(self):
        return iter(self._path)

    def __getitem__(self, index):
        return self._path[index]

    def __setitem__(self, index, path):
        self._path[index] = path

    def __len__(self):
        return len(self._path)

    def __contains__(self, item):
        return item in self._path

    def __repr__(self):
        return "_NamespacePath(%r)" % (self._path,)

    def append(self, item):
        self._path.append(item)


class NamespaceLoader:
    """The loader of a namespace package (PEP 420): there is no code to run."""

    __module__ = "_frozen_importlib_external"

    def __init__(self, name, path):
        self._path = path

    def is_package(self, fullname):
        return True

    def get_source(self, fullname):
        return ""

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        pass


def _spec(name, kind, origin, locations):
    """The spec of a module the interpreter found: kind is 'source' or 'namespace'."""
    if kind == "namespace":
        path = _NamespacePath(locations)
        spec = ModuleSpec(name, NamespaceLoader(name, path), is_package=True)
        spec.submodule_search_locations = path
        return spec
    spec = ModuleSpec(name, SourceFileLoader(name, origin), origin=origin,
                      is_package=locations is not None)
    if locations is not None:
        spec.submodule_search_locations = locations
    spec.has_location = True
    return spec


def _fix(module):
    """Give a module made before this one its __spec__ and __loader__."""
    ns = module.__dict__
    name = ns.get("__name__")
    if name == "__main__":
        if ns.get("__loader__") is None:
            file = ns.get("__file__")
            if file and not file.startswith("<"):
                module.__loader__ = SourceFileLoader(name, file)
            else:
                module.__loader__ = BuiltinImporter
        return
    if ns.get("__spec__") is None and _imp.is_builtin(name):
        module.__spec__ = ModuleSpec(name, BuiltinImporter, origin=BuiltinImporter._ORIGIN)
        module.__loader__ = BuiltinImporter
