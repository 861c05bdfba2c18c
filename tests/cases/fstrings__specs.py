# f-strings: conversions, format specs, nesting, escaped braces.
name, n, pi = "glass", 42, 3.14159
print(f"{name!r} {name!s} {name:>8}|{name:<8}|{name:^9}|{name:*^9}")
print(f"{n:5d}|{n:<5}|{n:05}|{n:+d}|{n:x}|{n:X}|{n:o}|{n:b}|{n:#b}|{n:,}")
print(f"{pi:.3f}|{pi:8.2f}|{pi:<8.1f}|{-pi:.0f}|{pi:.2%}")
w, p = 10, 3
print(f"{pi:{w}.{p}f}|{{literal}}|{n * 2}|{'nested' + '!'}")
print(f"{[1, 2]} {(1,)} {None} {True} {n=} {pi = :.1f}")
print(f"{12345678:_}", f"{'x':>{w}}", f"{1e10:.2e}")
