# A relative import above the top-level package.
import sys
sys.path.insert(0, sys.path[0] + "/imports_pkgs")
import errors_pkg.beyond
