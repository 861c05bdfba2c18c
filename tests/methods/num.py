# tuple, int and float methods (expected output: num.expected, made by regen.py with python3)
t = (1, 2, 3, 2, "a", 2.0)
print(t.index(2), t.index(2, 2), t.index(2, -3), t.index("a"), t.count(2), t.count("b"), (1, 2).count(1.0))
for n in [0, 1, -1, 7, 255, -256, 2 ** 62, 2 ** 64 + 1, -(2 ** 100) + 3, True, False]:
    print(n, n.bit_length(), n.bit_count(), n.conjugate(), n.as_integer_ratio())
for x in [0.0, -0.0, 1.5, -2.25, 0.1, 1e300, 5e-324, 2.0 ** 60, 3.0, -7.0]:
    print(x, x.is_integer(), x.as_integer_ratio(), x.hex(), x.conjugate())
print(float("inf").hex(), float("-inf").hex(), float("nan").hex(), float("inf").is_integer())
for h in ["0x1.8p1", " -0X1P-2 ", "inf", "-Infinity", "nan", "1", "0x.8", "1.", "0x1.fffffffffffffp1023",
          "0x1p-1074", "0x1p-1075", "0x3p-1076", "0x1.00000000000008p0", "0x1.00000000000018p0", "+0x10p-4", "0x0p0"]:
    print(repr(h), float.fromhex(h))
print((0.1).hex() == float.fromhex((0.1).hex()).hex(), float.fromhex((1e-310).hex()) == 1e-310)
