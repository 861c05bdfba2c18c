# from m import *: __all__ when the module has one, else its public names.
import sys
sys.path.insert(0, sys.path[0] + "/imports_pkgs")

from star_all import *
print(public_one, _listed_private)
print("public_two" in dir(), "_unlisted" in dir())

from star_plain import *
print(alpha, beta, "_gamma" in dir(), "_counter_alias" in dir())

# A package's __all__ may name submodules not imported yet: they are imported.
from shapes import *
print(circle.PI, Square(4).area(), triangle.SIDES)
print("DEFAULT_SIDE" in dir())


def names_in_main():
    return sorted(n for n in globals() if not n.startswith("__"))


print(names_in_main())
