# Packages: __init__.py runs first, submodules become attributes, relative imports,
# __path__ / __package__ / __spec__, import a.b.c as x, namespace packages.
import sys
sys.path.insert(0, sys.path[0] + "/imports_pkgs")

import shapes
print(shapes.circle.Circle(2).area(), shapes.Square(3).area(), shapes.DEFAULT_SIDE)
print(shapes.__path__, shapes.__package__, shapes.__file__)
print(shapes.__spec__.name, shapes.__spec__.parent, shapes.__spec__.submodule_search_locations)
print(shapes.circle.__package__, shapes.circle.__spec__.parent)
print(shapes)
print(sorted(k for k in sys.modules if k.startswith("shapes")))
print("triangle" in dir(shapes))

import shapes.triangle
print(shapes.triangle.SIDES, "triangle" in dir(shapes))

import shapes.util.geom as geom
print(geom.__name__, geom.describe())
print(shapes.util.geom is geom, shapes.util.describe is geom.describe)

from shapes.util import geom as g2
from shapes import circle, triangle
print(g2 is geom, circle is shapes.circle, triangle.SIDES)

# The dotted import binds the top package.
import shapes.square
print(shapes.square.Square(2).area())

# A namespace package (folders without __init__.py).
import nsp.deeper.leaf
print(nsp.deeper.leaf.LEAF, nsp.__file__, list(nsp.__path__) == [sys.path[0] + "/nsp"])
print(nsp.__spec__.origin, nsp.deeper.leaf.__package__)
from nsp.deeper import leaf
print(leaf is nsp.deeper.leaf)
