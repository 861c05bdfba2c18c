# A dotted import through a module that is not a package.
import sys
sys.path.insert(0, sys.path[0] + "/imports_pkgs")
import simple.child
