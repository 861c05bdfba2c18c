# OverflowError: a float too large.
print(2.0 ** 10000)
