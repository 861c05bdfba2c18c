# format() / f-strings / str() of ints and floats on the shapes that take the direct
# paths (decimal ints with fill, align, sign and zero padding; floats with '.Nf'), next
# to the shapes that do not (grouping, '#', 'z', other types), with the errors.
INTS = [0, 1, -1, 7, -7, 9, 10, -10, 99, 255, 256, -256, 12345, -12345, 2**31, -(2**31),
        2**62, 2**63 - 1, -(2**63), 2**63, -(2**63) - 1, 2**64, 10**30, -(10**30), True, False]
INT_SPECS = ["", "d", "02d", "2d", "5d", "05d", "+d", " d", "-d", "+05d", " 05d", ">6", "<6",
             "^6", "^7d", "=8d", "*>6d", "*<6d", "*^7d", "*=+8d", "0=8d", "x<4d", "\u00e9>5d",
             "\u20ac^6d", "010", "n", "08n", ",d", "_d", "012,d", "#x", "08b", "+o", "X",
             "1d", "0d", "00d", "<05d", ">05d", "^05d", "30d", "+030d"]

for v in INTS:
    print(repr(v), str(v), [format(v, s) for s in INT_SPECS])

for i in range(-3, 300, 7):
    print(f"{i:02d}|{i:3d}|{i:>4}|{i:<4}|{i:^5}|{i:+d}|{i}|{str(i)}|{i:05d}")

FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 0.125, 0.375, -0.125, 2.675, 1.005, 1e-7,
          -1e-7, 123.456, -123.456, 1e15, 1e16, 1e22, 1.7976931348623157e308, 5e-324,
          -5e-324, 3.14159265358979, 0.0049999, 0.005, 0.015, 9.995, 99.995, 999999.9999]
FLOAT_SPECS = [".0f", ".1f", ".2f", ".3f", ".6f", ".10f", ".17f", "8.2f", "08.2f", "+.2f",
               " .2f", "<10.2f", "^10.2f", "*>10.2f", "=+10.2f", "010.3f", "-.2f", ".2F",
               ",.2f", "_.2f", "#.0f", "z.2f", ".2e", ".3g", ".2%", "10.1f", ".40f"]

for v in FLOATS:
    print(repr(v), [format(v, s) for s in FLOAT_SPECS])

for x in [float("inf"), float("-inf"), float("nan")]:
    print([format(x, s) for s in [".2f", "8.2f", "08.2f", "+.2f", ".2F"]])

for i in range(0, 200, 13):
    x = i / 7
    print(f"{x:.2f}|{x:8.3f}|{-x:.1f}|{x:06.2f}|{x:.0f}")

for v, s in [(5, ".2d"), (5, "z"), (5, "zd"), (2.5, "d"), (5, "#c"), (5, "+c"),
             (10**30, "c"), (5, "y"), (2.5, "y"), (5, "=<5")]:
    try:
        print(format(v, s))
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)

print("-- round(x, n)")
for v in FLOATS + [-2.675, -0.001, 0.5e-20, 123456789012.345678, 1e300, -1e-300]:
    print(repr(v), [round(v, n) for n in [0, 1, 2, 3, 5, 10, 22, 23, -1, -2]])
print(round(2.5), round(3.5), round(-0.5))
try:
    round(1.7976931348623157e308, -308)
except OverflowError as e:
    print("OverflowError", e)
