# Return values: implicit None, tuples, early return.
def nothing():
    pass
def pair():
    return 1, 2
def first_even(xs):
    for x in xs:
        if x % 2 == 0:
            return x
    return None
print(nothing(), pair(), first_even([1, 3, 4, 6]), first_even([1]))
a, b = pair()
print(a + b)
