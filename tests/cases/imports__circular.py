# Circular imports: the second module sees the first one partly initialised, as the
# first one is in sys.modules before its body runs.
import sys
sys.path.insert(0, sys.path[0] + "/imports_pkgs")

import circ_a
print(circ_a.before, "|", circ_a.after)
print(circ_a.circ_b.circ_a is circ_a, circ_a.circ_b.seen)

try:
    import circ_c
except ImportError as e:
    print(type(e).__name__, e)
    print(e.name, e.path.endswith("circ_c.py"))
print("circ_c" in sys.modules, "circ_d" in sys.modules)
