# A non-str item in a package's __all__: python3 keeps its importlib frames.
import sys
sys.path.insert(0, sys.path[0] + "/imports_pkgs")
from bad_all import *
