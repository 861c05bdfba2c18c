# An exception raised while a module runs: its frames follow the import's.
import sys
sys.path.insert(0, sys.path[0] + "/imports_pkgs")
import err_runtime
