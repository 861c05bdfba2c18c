# A circular from-import of a name not yet defined.
import sys
sys.path.insert(0, sys.path[0] + "/imports_pkgs")
import circ_c
