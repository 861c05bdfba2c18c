# AssertionError with a message.
x = 1
assert x == 2, "x should be 2"
