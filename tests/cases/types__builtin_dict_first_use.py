# A built-in type's dict is complete the first time a program looks into it, and that
# first look allocates nothing a program can count: gc.get_count() moves as python3's.
import gc

gc.disable()


def delta(f):
    c0 = gc.get_count()[0]
    f()
    return gc.get_count()[0] - c0


delta(lambda: None)  # the first call's own allocations
print(delta(lambda: complex.conjugate))
print(delta(lambda: frozenset.__or__))
print(delta(lambda: bytearray.hex))
print(delta(lambda: slice.__eq__))
print(delta(lambda: memoryview.tobytes))

print(complex.__add__ is complex.__dict__["__add__"])
print("conjugate" in complex.__dict__, "__radd__" in vars(complex))
print(frozenset.__dict__["__or__"].__objclass__ is frozenset)
print("__getitem__" in dir(memoryview), "nbytes" in dir(memoryview))
print(type(bytearray.__dict__["__iadd__"]).__name__)
print(type(memoryview.__dict__["nbytes"]).__name__)
print(type(bytearray.__dict__["fromhex"]).__name__)
print(sorted(n for n in vars(reversed) if not n.startswith("__")))
gc.enable()
