# importlib: import_module (absolute and relative), reload, invalidate_caches,
# __import__, util.find_spec / resolve_name / module_from_spec /
# spec_from_file_location, machinery.
import sys
sys.path.insert(0, sys.path[0] + "/imports_pkgs")
import importlib
import importlib.util
import importlib.machinery

simple = importlib.import_module("simple")
print(simple.greet("importlib"), simple is sys.modules["simple"])
geom = importlib.import_module("shapes.util.geom")
print(geom.__name__, "shapes" in sys.modules)
circle = importlib.import_module(".circle", "shapes")
print(circle.__name__, importlib.import_module("..circle", "shapes.util").__name__)
print(importlib.import_module("sys") is sys)
for args in [(".x",), ("",), ("..x", "shapes")]:
    try:
        importlib.import_module(*args)
    except Exception as e:
        print(type(e).__name__ + ":", e)
try:
    importlib.import_module("no_module_here")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)

import reloadable
print(reloadable.loads)
again = importlib.reload(reloadable)
print(again is reloadable, reloadable.loads)
try:
    importlib.reload(42)
except TypeError as e:
    print("TypeError:", e)
print(importlib.invalidate_caches(), importlib.__import__ is __import__)
print(__import__("shapes.circle").__name__, __import__("shapes.circle", fromlist=["PI"]).__name__)
print(__import__("circle", globals={"__package__": "shapes"}, level=1).__name__)

spec = importlib.util.find_spec("simple")
print(spec.name, spec.origin == simple.__file__, spec.parent == "", spec.submodule_search_locations)
print(importlib.util.find_spec("no_module_here"), importlib.util.find_spec("shapes.circle").name)
print(importlib.util.find_spec("sys").origin, importlib.util.find_spec("shapes").submodule_search_locations == [sys.path[0] + "/shapes"])
print(importlib.util.resolve_name("..b", "a.c"), importlib.util.resolve_name("x", None))
for args in [("..b", "a"), (".b", None)]:
    try:
        importlib.util.resolve_name(*args)
    except ImportError as e:
        print("ImportError:", e)
try:
    importlib.util.find_spec("simple.sub")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)

path = sys.path[0] + "/counter.py"
spec = importlib.util.spec_from_file_location("counter_copy", path)
module = importlib.util.module_from_spec(spec)
print(module.__name__, module.__file__ == path, "counter_copy" in sys.modules, spec.has_location)
spec.loader.exec_module(module)
print(module.bump(), module.bump(), sys.modules.get("counter") is None)

print(importlib.machinery.SOURCE_SUFFIXES, importlib.machinery.ModuleSpec is type(spec))
print(isinstance(spec.loader, importlib.machinery.SourceFileLoader), spec.loader.get_filename() == path)
print(importlib.machinery.BuiltinImporter.find_spec("gc").name, importlib.machinery.BuiltinImporter.find_spec("nope"))
print(importlib.machinery.PathFinder.find_spec("simple").name)
s2 = importlib.machinery.ModuleSpec("made", None, origin="somewhere")
print(s2.name, s2.origin, s2.parent, s2.has_location, s2.loader)
print(importlib.util.spec_from_loader("x", None).name)
