# The guards of the specialized global reads, truth tests, int and float forms:
# what they meet once the loop around them has been specialized.
import builtins

G = 1


def read_g(n):
    total = 0
    for _ in range(n):
        total += G
    return total


print(read_g(50))
G = 5
print(read_g(50))


# A global changed, deleted and re-added by the loop that reads it.
def churn():
    global G
    out = []
    for i in range(40):
        if i == 10:
            G = 7
        if i == 20:
            del G
            try:
                G
            except NameError as e:
                out.append(str(e))
            G = 9
        out.append(G)
    return out


print(churn())


# Many new globals (the module dict grows, its keys change) between two reads.
def read_len(xs, n):
    return [len(xs) + G for _ in range(n)][-1]


print(read_len([1, 2], 30))
for k in range(100):
    globals()["extra_%d" % k] = k
print(read_len([1, 2], 30), extra_99)  # noqa: F821 - made through globals()


# A builtin replaced in the builtins module, then put back; then shadowed by a
# global made while the loop runs.
real_len = builtins.len
print(read_len([1, 2, 3], 30))
builtins.len = lambda xs: 40
print(read_len([1, 2, 3], 30))
builtins.len = real_len
print(read_len([1, 2, 3], 30))


def shadow():
    out = []
    for i in range(30):
        if i == 15:
            globals()["abs"] = lambda x: "shadowed"
        out.append(abs(-i))
    del globals()["abs"]
    out.append(abs(-3))
    return out


print(shadow())


# Truth tests in jumps: bools, None, ints of every size and sign, int subclasses,
# other objects.
class Falsy(int):
    def __bool__(self):
        return False


class Sized:
    def __len__(self):
        return 0


values = [True, False, None, 0, 1, -1, 2**30, 2**31, -(2**60), 2**100, -(2**100),
          Falsy(5), Sized(), 0.0, "", "x", [], [0], (), 1j]


def truths(vs):
    out = []
    for v in vs:
        if v:
            out.append(1)
        else:
            out.append(0)
        n = 0
        while v and n < 1:
            n += 1
        out.append(n)
    return out


for _ in range(5):
    truths(values)
print(truths(values))


def countdown(n):
    steps = 0
    while n:
        n -= 1
        steps += 1
    return steps


print(countdown(1000), countdown(-0))


class Bad:
    def __bool__(self):
        raise ValueError("no truth")


def guarded(v):
    try:
        if v:
            return "yes"
        return "no"
    except ValueError as e:
        return str(e)


for _ in range(20):
    guarded(3)
print(guarded(3), guarded(0), guarded(Bad()), guarded(Falsy(1)))


# Int forms at the edges of a machine word and of the small-int cache; bools
# and int subclasses meeting the int forms.
def arith(a, b):
    return a + b, a - b, a * b, a < b, a == b


for _ in range(20):
    arith(3, 4)
for a, b in [(255, 1), (256, 1), (-5, -1), (-6, 1), (2**62, 2**62), (-(2**63), -1),
             (2**63 - 1, 1), (2**31, 2**32), (-(2**30), 2**30), (True, 2),
             (Falsy(3), 4), (2**200, -(2**200)), (0, -0)]:
    print(arith(a, b))
r = arith(200, 56)[0]
print(r is int("256"), arith(-3, -2)[0] is int("-5"))  # the small-int cache


# Float forms meeting ints, subclasses and zero division.
class F(float):
    pass


def farith(a, b):
    return a + b, a - b, a * b, a / b, a < b


for _ in range(20):
    farith(1.5, 2.5)
for a, b in [(1.5, 2), (3, 0.5), (F(1.5), 2.0), (1e308, 1e308), (-0.0, 0.0), (2.0, -0.0)]:
    try:
        print(farith(a, b))
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
