# copyreg: the reduction registry copy consults, pickle() / constructor() checks,
# __newobj__ / __newobj_ex__, extension codes.
import copy
import copyreg


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


def reduce_point(p):
    print("reduce_point called")
    return Point, (p.x * 2, p.y * 2)


copyreg.pickle(Point, reduce_point)
print(Point in copyreg.dispatch_table, copy.copy(Point(1, 2)), copy.deepcopy(Point(3, 4)))
del copyreg.dispatch_table[Point]
print(copy.copy(Point(5, 6)))
for bad in (lambda: copyreg.pickle(Point, 1), lambda: copyreg.constructor(2)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
p = copyreg.__newobj__(Point)
print(type(p).__name__, hasattr(p, "x"))
q = copyreg.__newobj_ex__(dict, (), {})
print(q)


class Slots:
    __slots__ = ("a", "__b")


print(copyreg._slotnames(Slots), copyreg._slotnames(Point))
copyreg.add_extension("mod", "name", 240)
print(copyreg._extension_registry[("mod", "name")], copyreg._inverted_registry[240])
try:
    copyreg.add_extension("other", "name", 240)
except ValueError as e:
    print("ValueError:", e)
copyreg.remove_extension("mod", "name", 240)
print(copyreg._extension_registry, sorted(copyreg.__all__))
