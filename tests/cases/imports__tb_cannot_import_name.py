# from-import of a name the module lacks.
import sys
sys.path.insert(0, sys.path[0] + "/imports_pkgs")
from simple import greet, no_such_name
