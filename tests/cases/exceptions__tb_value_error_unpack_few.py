# ValueError: not enough values to unpack.
a, b, c = (1, 2)
