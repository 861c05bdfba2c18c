# An IndentationError in an imported module.
import sys
sys.path.insert(0, sys.path[0] + "/imports_pkgs")
import err_indent
