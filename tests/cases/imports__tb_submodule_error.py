# A from-import of a submodule that fails while it runs.
import sys
sys.path.insert(0, sys.path[0] + "/imports_pkgs")
from errors_pkg import raises
