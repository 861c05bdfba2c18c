# An import of a missing submodule of a package.
import sys
sys.path.insert(0, sys.path[0] + "/imports_pkgs")
import shapes.hexagon
