# Specialized instructions must give way when what they were specialized for
# changes: a class attribute replaced by a descriptor, a global or a builtin
# replaced, an instance whose keys change, operands of another type. Each loop runs
# long enough for its instructions to specialize before the change.


class C:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


def read_v(objs):
    return [o.v for o in objs]


objs = [C(i) for i in range(30)]
print(sum(read_v(objs)))
# A data descriptor on the class now wins over the instance value.
C.v = property(lambda self: -1)
print(sum(read_v(objs)))
del C.v
print(sum(read_v(objs)))


# Instance keys changing: attributes deleted, added in another order, __dict__ made.
def total(objs):
    t = 0
    for o in objs:
        t += o.v
    return t


print(total(objs))
del objs[3].v
objs[3].w = 1
objs[3].v = 100
objs[5].__dict__["v"] = 500
vars(objs[7]).clear()
objs[7].v = 700
print(total(objs))


# A method replaced on the class, and an instance attribute shadowing a method.
def call_get(objs):
    return [o.get() for o in objs]


print(sum(call_get(objs)))
C.get = lambda self: 2
print(sum(call_get(objs)))
objs[0].get = lambda: 1000
print(sum(call_get(objs)))


# Stores through a specialized STORE_ATTR when a setter appears.
def set_all(objs, value):
    for o in objs:
        o.v = value


set_all(objs, 1)
print(total(objs))
log = []
C.v = property(lambda self: 5, lambda self, value: log.append(value))
set_all(objs, 2)
print(total(objs), len(log))
del C.v
print(total(objs))

# Globals and builtins replaced while a loop runs.
SCALE = 2


def scaled(xs):
    return [x * SCALE + len(xs) for x in xs]


print(scaled([1, 2, 3]) * 1 == scaled([1, 2, 3]), scaled([1, 2, 3]))
for _ in range(20):
    scaled([1, 2])
SCALE = 10
print(scaled([1, 2, 3]))
len = lambda xs: 100  # noqa: E731 - shadows the builtin in this module
print(scaled([1, 2, 3]))
del len
print(scaled([1, 2, 3]))


# Operands of other types at a specialized BINARY_OP / COMPARE_OP / subscript.
def add(a, b):
    return a + b


def less(a, b):
    return a < b


def pick(a, b):
    if a < b:
        return "lt"
    return "ge"


def index(seq, i):
    return seq[i]


for _ in range(30):
    add(1.5, 2.0)
    less(1, 2)
    index([1, 2, 3], 1)
    pick(1, 2)
print(pick(2, 1), pick(1.5, 2), pick("b", "a"), pick(2 ** 80, 2 ** 81), pick([1], [0]))
print(add(1, 2), add("a", "b"), add([1], [2]), add(2 ** 62, 2 ** 62), add(1.0, 2))
print(less(1.5, 2), less("a", "b"), less(2 ** 70, 1), less((1, 2), (1, 3)))
print(index((7, 8), 0), index("xyz", -1), index({"k": 1}, "k"), index([1, 2, 3], -1))


def div(a, b):
    return a / b


for _ in range(30):
    div(1.0, 4.0)
try:
    div(1.0, 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    index([1, 2], 5)
except IndexError as e:
    print("IndexError:", e)
try:
    index({}, "missing")
except KeyError as e:
    print("KeyError:", e)


def mul_int(a, b):
    return a * b


for _ in range(30):
    mul_int(3, 4)
print(mul_int(2 ** 40, 2 ** 40), mul_int(-3, 2 ** 63), mul_int(True, 5), mul_int("ab", 2))


def unpack(p):
    a, b = p
    return a - b


for _ in range(30):
    unpack((5, 3))
print(unpack([9, 4]), unpack("ab" if False else (1, 1)), unpack(iter((8, 1))))
try:
    unpack((1, 2, 3))
except ValueError as e:
    print("ValueError:", e)


# A list changed while a specialized FOR_ITER walks it.
def walk(xs):
    out = []
    for x in xs:
        if x == 2:
            xs.append(99)
        if len(out) > 5:
            break
        out.append(x)
    return out


for _ in range(20):
    walk([0, 1])
print(walk([1, 2, 3]))


# Calls specialized for len, isinstance and list.append meeting other callees.
class Sized(list):
    def __len__(self):
        return 42

    def append(self, x):
        list.append(self, -x)


def sizes(xs, o):
    n = len(xs)
    ok = isinstance(o, int)
    xs.append(n)
    return n, ok, xs[-1]


for _ in range(30):
    sizes([1, 2], 1)
print(sizes(Sized([1]), True), sizes([], "s"), sizes(Sized(), 2.0))


class Meta(type):
    def __instancecheck__(cls, o):
        return True


class Anything(metaclass=Meta):
    pass


def check(o, c):
    if isinstance(o, c):
        return "yes"
    return "no"


for _ in range(30):
    check(1, int)
print(check("x", Anything), check(1, (str, int)), check(1, str), check(True, int))
len = lambda xs: -1  # noqa: E731
print(sizes([1, 2, 3], 0))
del len
print(sizes([1, 2, 3], 0))
