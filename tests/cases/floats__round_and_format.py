# Float formatting through f-strings and format specs.
x = 3.14159265
print(f"{x:.2f} {x:10.3f}| {x:<10.1f}| {x:e} {x:.3e} {x:g} {x:%}")
print(f"{1e20:g} {1e-5:g} {123456789.0:,.2f} {0.5:.0f} {1.5:.0f} {2.5:.0f}")
print(f"{-0.0:+.1f} {1.0:+} {float('nan'):f} {float('inf'):>6}")
