# circ_a imports circ_b, which imports circ_a back: circ_b sees circ_a partly made.
print("circ_a: start")
before = "defined before importing circ_b"
import circ_b
after = "defined after importing circ_b"
print("circ_a: end", circ_b.seen)
