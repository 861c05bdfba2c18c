# glass.set_limit(n): growing the heap past n raises MemoryError, which the program
# catches; what unwinding frees is reused at once. python3 has no glass: its shim
# prints what the program must print when the limit works.
try:
    import glass
except ImportError:
    glass = None

if glass:
    print(glass.get_limit())
    glass.set_limit(glass.footprint() + 2 * 1024 * 1024)
    print(glass.get_limit() > 0)
    chunks = []
    try:
        while True:
            chunks.append(bytearray(4000))
    except MemoryError as e:
        got = len(chunks)
        del chunks
        print("MemoryError", repr(e), got > 100)
    again = [bytearray(4000) for _ in range(got // 2)]
    print("reused", len(again) == got // 2)
    del again
    glass.set_limit(None)
    print(glass.get_limit())
    try:
        glass.set_limit(-1)
    except ValueError as e:
        print("ValueError", e)
else:
    print(None)
    print(True)
    print("MemoryError", "MemoryError()", True)
    print("reused", True)
    print(None)
    print("ValueError", "limit must be a size in bytes >= 0")
