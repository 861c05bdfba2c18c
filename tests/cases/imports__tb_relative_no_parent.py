# A relative import in a script run as __main__.
import sys
sys.path.insert(0, sys.path[0] + "/imports_pkgs")
from .simple import greet
