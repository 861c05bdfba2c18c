# Comparisons between ints, bools and floats.
print(1 == 1.0, 2 ** 53 + 1 == float(2 ** 53 + 1), 10 ** 20 > 1e19)
print(True == 1, False == 0, True is True)
print(-5 < -4, (1 << 200) > (1 << 199), -(1 << 200) < 0)
print(0 == -0, 3 != 3.5)
