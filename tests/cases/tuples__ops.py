# Tuples: packing, indexing, slicing, comparison, concatenation.
t = 1, 2, 3
print(t, t[0], t[-1], t[1:], t[::-1], len(t))
print(t + (4,), t * 2, (1,) * 0, 2 in t)
print((1, 2) < (1, 3), (1, 2) == (1, 2), (1,) < (1, 0), () < (0,))
print((1, "a", None, 2.5, (3,)))
u = ()
print(u, len(u), (1,), tuple([1, 2]), tuple("ab"))
print(((1, 2), (3, 4))[1][0])
