# A package's __getattr__ failing during a from-import: python3 shows the
# _handle_fromlist frame between the import and the module's function.
import sys
sys.path.insert(0, sys.path[0] + "/imports_pkgs")
from getattr_pkg import anything
