# An exception class defined in another module prints with its module's name.
import sys
sys.path.insert(0, sys.path[0] + "/imports_pkgs")
import mod_exc
raise mod_exc.Outer.Inner("from a nested class")
