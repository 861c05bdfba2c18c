print("circ_b: start")
import circ_a
seen = (hasattr(circ_a, "before"), hasattr(circ_a, "after"))
print("circ_b: circ_a so far has before/after:", seen)
