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
