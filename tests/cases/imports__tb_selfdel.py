# A module that removes itself from sys.modules while it runs.
import sys
sys.path.insert(0, sys.path[0] + "/imports_pkgs")
import selfdel
