# A SyntaxError in an imported module.
import sys
sys.path.insert(0, sys.path[0] + "/imports_pkgs")
print("before")
import err_syntax
