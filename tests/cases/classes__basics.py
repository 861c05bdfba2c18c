# Class attributes vs instance attributes, methods, bound methods and class metadata.
class Point:
    """A point."""
    dims = 2
    count = 0

    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1

    def norm1(self):
        return abs(self.x) + abs(self.y)


p = Point(3, -4)
q = Point(1, 2)
print(p.x, p.y, p.dims, Point.dims, Point.count)
p.dims = 3                      # shadows the class attribute on p only
print(p.dims, q.dims, Point.dims, sorted(p.__dict__), sorted(q.__dict__))
del p.dims
print(p.dims, "dims" in p.__dict__, "dims" in Point.__dict__)
print(p.norm1(), Point.norm1(q))
m = p.norm1
print(m.__self__ is p, m.__func__ is Point.norm1, m(), type(m).__name__)
print(p.norm1 == p.norm1, p.norm1 is p.norm1, p.norm1 == q.norm1)
print(Point.__name__, Point.__qualname__, Point.__module__, Point.__doc__)
print(type(p) is Point, type(p).__name__, type(Point), type(type))
print(repr(p).split(" at ")[0], repr(Point))


def outer():
    class Inner:
        pass
    return Inner


print(outer().__qualname__, repr(outer()()).split(" at ")[0])


def tag(cls):
    cls.tagged = True
    return cls


@tag
class Tagged:
    pass


print(Tagged.tagged, Tagged().tagged)
print(type(5), type("s").__name__)
Dyn = type("Dyn", (Point,), {"z": 9, "norm1": lambda self: -1})
d = Dyn(1, 1)
print(Dyn.__name__, Dyn.__bases__, d.z, d.norm1(), isinstance(d, Point), Point.count)
print(vars(d), vars(d) is d.__dict__)
print(getattr(d, "x"), getattr(d, "nope", "default"), hasattr(d, "z"), hasattr(d, "w"))
setattr(d, "w", [1])
print(d.w, sorted(vars(d)))
delattr(d, "w")
print(hasattr(d, "w"))
for action in ("get", "del", "type"):
    try:
        if action == "get":
            getattr(d, "missing")
        elif action == "del":
            delattr(d, "missing")
        else:
            type("X", (), {}, 1)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
try:
    Point.missing
except AttributeError as e:
    print(e)
try:
    getattr(d, 5)
except TypeError as e:
    print(e)
