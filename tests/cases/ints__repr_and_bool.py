# repr, str and truth of ints.
print(repr(10 ** 25), str(-42), repr(True), str(False))
print(bool(0), bool(-1), bool(10 ** 30))
print([0, 1, -1, 255, 256, 10 ** 18])
