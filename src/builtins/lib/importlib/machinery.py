"""The import machinery's classes: specs, finders and loaders, and the file suffixes
glasspy imports (source files only: glasspy writes and reads no bytecode files and
loads no extension modules)."""

import _imp
from _frozen_importlib import (ModuleSpec, BuiltinImporter, SourceFileLoader,
                               NamespaceLoader)

SOURCE_SUFFIXES = [".py"]
BYTECODE_SUFFIXES = []
DEBUG_BYTECODE_SUFFIXES = []
OPTIMIZED_BYTECODE_SUFFIXES = []
EXTENSION_SUFFIXES = []


def all_suffixes():
    """Every suffix a module file may have."""
    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES


class PathFinder:
    """Finds modules on sys.path (or a package's __path__): folders, then the library
    bundled in glasspy."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        from . import util
        return util._find_spec(fullname, path)

    @classmethod
    def invalidate_caches(cls):
        pass


class FileFinder:
    """Finds modules in one folder (a sys.path entry)."""

    def __init__(self, path, *loader_details):
        self.path = path or "."

    def find_spec(self, fullname, target=None):
        from . import util
        return util._find_spec(fullname, [self.path])

    def invalidate_caches(self):
        pass

    def __repr__(self):
        return "FileFinder(%r)" % (self.path,)


class FrozenImporter:
    """Frozen modules: glasspy has none (its bundled library is found on sys.path)."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return None


class WindowsRegistryFinder:
    """Modules registered in the Windows registry: none on glasspy."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return None


class _NoLoader:
    """A kind of module file glasspy does not load."""

    def __init__(self, name, path):
        self.name = name
        self.path = path

    def get_filename(self, name=None):
        return self.path

    def create_module(self, spec):
        raise ImportError("glasspy cannot load %s" % (self.path,), name=self.name)

    def exec_module(self, module):
        raise ImportError("glasspy cannot load %s" % (self.path,), name=self.name)


class SourcelessFileLoader(_NoLoader):
    """Loads bytecode files: glasspy has no bytecode files."""


class ExtensionFileLoader(_NoLoader):
    """Loads C extension modules: glasspy has none."""
