# `x in list` reads the list as it is at every step (CPython's list_contains): an
# __eq__ that changes the list changes what is compared next. Instances with no
# __eq__ of their own compare by identity, in either order, for == and !=.
import sys

calls = []


class Shrinks:
    def __init__(self, name, target):
        self.name = name
        self.target = target

    def __eq__(self, other):
        calls.append(self.name)
        self.target.clear()
        return False


items = []
items.extend([Shrinks("a", items), Shrinks("b", items), Shrinks("c", items)])
print(object() in items, calls, len(items))

calls.clear()
grows = []


class Grows:
    def __eq__(self, other):
        calls.append(len(grows))
        if len(grows) < 5:
            grows.append(Grows())
        return False


grows.append(Grows())
print(0 in grows, calls)


class Plain:
    pass


class Sub(Plain):
    pass


p, q, s = Plain(), Plain(), Sub()
box = [q, s, p]
print(p in box, Plain() in box, s in box, box.index(p), box.count(q))
print(p == p, p == q, p != q, p != p, s == p, p == s, s != s)
print(p in [1, "x", 2.5, None], None in [p, q], 2 in [p, 2])
# A reference to the found item is dropped again.
before = sys.getrefcount(p)
for _ in range(3):
    p in box
print(sys.getrefcount(p) - before)


class Always:
    def __eq__(self, other):
        return True


print(Always() in box, p in [Always()])
