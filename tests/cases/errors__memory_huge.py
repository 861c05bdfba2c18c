# Requests the system cannot serve raise MemoryError (or OverflowError where
# python3 raises it) and the program goes on; nothing aborts the process.
cases = [
    "[0] * 10**12",
    "[0] * 2**62",
    "(0,) * 2**62",
    "bytearray(2**62)",
    "bytes(2**62)",
    "b'x' * 2**62",
    "'x' * 2**62",
    "'x' * 10**13",
    "'x'.ljust(2**62)",
    "'x'.center(2**62)",
    "b'x'.zfill(2**62)",
    "list(range(2**62))",
]
for c in cases:
    try:
        eval(c)
        print(c, "served")
    except (MemoryError, OverflowError) as e:
        print(c, type(e).__name__, repr(e))
print("still here", len([0] * 1000))
