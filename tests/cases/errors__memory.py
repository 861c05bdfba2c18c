# Asking for absurd amounts of memory is a MemoryError, not a crash; the program goes on.
for make in (lambda: "a" * (2**62), lambda: "ab" * (2**61), lambda: [0] * 10**12,
             lambda: list(range(10**12)), lambda: "\u00e9" * 2**60):
    try:
        make()
    except MemoryError as e:
        print("MemoryError", repr(e))
print("still running")
