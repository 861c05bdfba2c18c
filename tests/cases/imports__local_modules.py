# Local modules: import, import-as, from-import, sys.modules as the cache, module
# attributes, reprs and sizes.
import sys
sys.path.insert(0, sys.path[0] + "/imports_pkgs")

import simple
import simple as s2
from simple import greet, Box as B, GREETING
print(simple.greet("world"), greet("you"), B(3), GREETING)
print(simple is s2, sys.modules["simple"] is simple, "simple" in sys.modules)
print(simple.__name__, simple.where(), simple.__doc__)
print(simple.__file__)
print(simple)
print(repr(simple.__package__), simple.__spec__.name, simple.__spec__.origin)
print(simple.__spec__.parent == "", simple.__spec__.has_location)
print(simple.__spec__.submodule_search_locations)
print(type(simple).__name__, type(simple) is type(sys))
print([n for n in dir(simple) if not n.startswith("__")])
print(sorted(n for n in dir(simple) if n.startswith("__")))
print(sys.getsizeof(simple), simple.__builtins__ is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else type(simple.__builtins__))

# A module's body runs once, however often and however it is imported.
import counter
import counter as c2
from counter import bump
print(bump(), counter.bump(), c2.count)
import counter
print(counter.count)

# Module attributes can be set, read and deleted from outside.
simple.extra = [1, 2]
print(simple.extra, s2.extra)
del simple.extra
print(hasattr(simple, "extra"))
try:
    simple.nothing_here
except AttributeError as e:
    print("AttributeError:", e)

# Built-in modules.
import gc, time
print(sys, time, gc)
print(sys.__spec__, sys.__loader__)
print(time.__spec__.origin, time.__name__, repr(time.__package__))

# A module's globals are its namespace: functions see their module's globals.
simple.GREETING = "bonjour"
print(simple.greet("monde"), greet("x"))
