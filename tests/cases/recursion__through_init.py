# Recursion through a class's __init__: python3 counts the class call (its call
# slot, "while calling a Python object") and the __init__ frame, so which of the two
# passes the limit, and the message, depends on the depth it starts from.
class A:
    def __init__(self):
        A()


class B:
    def __init__(self, n, pad=0):
        self.n = n
        B(n + 1)


def at(k, make):
    if k:
        return at(k - 1, make)
    try:
        make()
    except RecursionError as e:
        return str(e)


for k in range(4):
    print("init", k, at(k, A))
    print("defaults", k, at(k, lambda: B(0)))
# The depth is given back when __init__ returns or raises: a later call still
# reaches the limit at the same place.
for k in range(2):
    print("again", k, at(k, A))


class C:
    def __init__(self, fail):
        if fail:
            raise ValueError(fail)


for i in range(300):
    try:
        C(i % 2)
    except ValueError:
        pass
print("after", at(0, A), at(1, A))
