# An uncaught ValueError from dict() given pairs of the wrong length.
pairs = [("a", 1), ("b", 2, 3)]
print("building from", pairs)
d = dict(pairs)
