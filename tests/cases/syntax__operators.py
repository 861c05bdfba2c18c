# Operator precedence and associativity.
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, -2 ** 2, (-2) ** 2)
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 / 2)
print(1 << 4, 256 >> 3, 6 & 3, 6 | 3, 6 ^ 3, ~5)
print(not 1, not 0, 1 and 2, 0 and 2, 0 or 3, 1 or 3, None or 0)
print(1 < 2 < 3, 1 < 2 > 3, 3 > 2 == 2, 1 == 1.0 != 2)
print(1 if True else 2, 1 if 0 else 2)
print(+5, -(-5), --5)
x = 5
print(0 < x <= 5, x in [1, 5], x not in (1, 2), x is x, x is not None)
