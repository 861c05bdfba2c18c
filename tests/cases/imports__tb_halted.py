# None in sys.modules stops an import.
import sys
sys.path.insert(0, sys.path[0] + "/imports_pkgs")
sys.modules["stopped"] = None
import stopped
