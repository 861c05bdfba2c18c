# dis.get_instructions(f, adaptive=True): after a function has run often enough, its
# instructions show the specialized forms the interpreter rewrote them into (PEP 659).
# glasspy's bytecode is not python3's (no RESUME, PRECALL or CACHE entries), so this
# prints only the specialized instructions whose names the two share.
import dis

SHARED = (
    "BINARY_OP_", "LOAD_ATTR_", "STORE_ATTR_", "LOAD_METHOD_", "LOAD_GLOBAL_",
    "BINARY_SUBSCR_", "STORE_SUBSCR_", "UNPACK_SEQUENCE_", "LOAD_FAST__",
    "STORE_FAST__", "LOAD_CONST__", "COMPARE_OP_",
)


def specialized(f):
    # python3 names a site that has not specialized (yet) FAMILY_ADAPTIVE; glasspy
    # keeps the family's own name there: neither is printed.
    return [i.opname for i in dis.get_instructions(f, adaptive=True)
            if i.opname.startswith(SHARED) and not i.opname.endswith("_ADAPTIVE")]


def plain(f):
    return [i.opname for i in dis.get_instructions(f)
            if i.opname.startswith(SHARED)]


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y


def floats(a, b):
    return a * b - a + b


def ints(a, b):
    return a + b - a * b


def strs(a, b):
    return a + b


def attrs(p):
    p.x = p.x + 1.0
    return p.norm2()


def globals_and_builtins(items):
    return len(items) + OFFSET


OFFSET = 3


def subscripts(xs, d):
    xs[0] = xs[1]
    d["k"] = xs[0]
    return xs[2] + d["k"]


def compare(a, b, s, t):
    n = 0
    if a < b:
        n += 1
    if a * 0.5 >= b * 0.5:
        n += 2
    if s == t:
        n += 4
    return n


def unpack(pair, triple):
    a, b = pair
    c, d, e = triple
    return a + b + c + d + e


class Slots:
    __slots__ = ("a",)

    def __init__(self, a):
        self.a = a


class WithDict:
    def __init__(self, a):
        self.__dict__["b"] = 0
        self.a = a


class Grid:
    def __getitem__(self, i):
        return i


class Tools:
    def double(x):
        return 2 * x


def slot_attrs(s):
    s.a = s.a + 1
    return s.a


def dict_attrs(d):
    d.a = d.a + d.b
    return d.a


def class_method(x):
    return Tools.double(x)


def getitem(g):
    return g[3]


print("before:", specialized(floats))
for _ in range(40):
    floats(1.5, 2.5)
    ints(3, 4)
    strs("ab", "cd")
    attrs(Point(1.0, 2.0))
    globals_and_builtins([1, 2])
    subscripts([1, 2, 3], {})
    unpack((1, 2), (3, 4, 5))
    compare(1, 2, "x", "y")
    slot_attrs(Slots(1))
    dict_attrs(WithDict(1))
    class_method(4)
    getitem(Grid())
for f in (floats, ints, strs, attrs, Point.norm2, globals_and_builtins, subscripts,
          unpack, compare, slot_attrs, dict_attrs, class_method, getitem):
    print(f.__name__, specialized(f))
# The code as compiled is unchanged.
print("as compiled:", plain(floats), plain(attrs))
print(floats(1.5, 2.5), ints(3, 4), strs("ab", "cd"), attrs(Point(1.0, 2.0)))


# str + str whose result goes back to the local holding the left operand
# (BINARY_OP_INPLACE_ADD_UNICODE), and one stored elsewhere (BINARY_OP_ADD_UNICODE).
def accumulate(parts):
    s = ""
    t = "<"
    for p in parts:
        s += p
        t = t + p
    u = s + t
    return s, t, u


for _ in range(40):
    accumulate(["ab", "cd", "ef"])
print("accumulate", specialized(accumulate))
print(accumulate(["ab", "cd", "ef"]))
