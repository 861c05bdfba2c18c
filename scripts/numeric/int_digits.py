# Prints CPython 3.11's (ob_size, ob_digit) for a few ints (64-bit Linux layout:
# refcount, type, ob_size, then 30-bit digits). Source of digits.rs test data.
import ctypes

def dig(x):
    size = ctypes.c_ssize_t.from_address(id(x) + 16).value
    return size, list((ctypes.c_uint32 * abs(size)).from_address(id(x) + 24))

for x in (10**20, -(2**95 + 7), 2**63, -12):
    print(x, dig(x))
