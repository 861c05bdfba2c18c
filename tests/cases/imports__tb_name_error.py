# A NameError in an imported module suggests a name of that module's globals.
import sys
sys.path.insert(0, sys.path[0] + "/imports_pkgs")
import typo
main_only_name = 1
typo.lookup()
