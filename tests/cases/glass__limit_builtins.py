# Under glass.set_limit, one built-in call that would take the heap far past the
# limit raises MemoryError before anything is served; the program catches it and
# goes on, and the room is there for the next request. python3 has no glass: its
# shim prints what the program must print when the limit works.
try:
    import glass
except ImportError:
    glass = None

cases = [
    "[0] * 10**8",
    "list(range(10**8))",
    "tuple(range(10**8))",
    "set(range(10**8))",
    "{i: None for i in range(10**8)}",
    "bytearray(10**9)",
    "bytes(10**9)",
    "'x' * 10**9",
    "'x'.center(10**9)",
    "''.join(['ab'] * 10**6) * 1000",
    "('a,' * 10**6).split(',') * 100",
    "10 ** 10**9",
]
kept = {"a": [1, 2, 3]}
if glass:
    glass.set_limit(glass.footprint() + 16 * 1024 * 1024)
for c in cases:
    if glass:
        try:
            x = eval(c)
            print(c, "served")
            del x
        except MemoryError as e:
            print(c, repr(e))
        # What the attempt took is back: a few megabytes fit at once.
        print(len(bytearray(4 * 1024 * 1024)), glass.footprint() <= glass.get_limit())
    else:
        print(c, "MemoryError()")
        print(4 * 1024 * 1024, True)
print(kept)
if glass:
    glass.set_limit(None)
