# Calls of built-in functions, methods and classes with zero to five arguments
# and with keywords (the values move off the value stack), slices of lists and
# tuples, list(x) / extend of lists and tuples, and the arity errors.
import sys

print(len("abc"), abs(-3), divmod(7, 2), pow(2, 10, 1000), max(1, 5, 3, 2, 4))
print(min([4, 2, 8], key=lambda x: -x), sorted([3, 1, 2], reverse=True))
print(round(2.675, 2), int("ff", 16), int("12", base=8))
l = []
for i in range(5):
    l.append(i)
    l.insert(0, -i)
    l.insert(-1, i * 10)
    l.insert(100, i)
print(l)
s = set()
s.add(1); s.add(2); s.add(1)
print(sorted(s), "a-b-c".replace("-", "+", 1), "x".center(5, "*"))
print("k=v".partition("="), "a,b,,c".split(","), "a b  c".split(maxsplit=1))
print(dict(a=1, b=2), dict([(1, 2)], c=3), range(1, 10, 2), list(range(3)))
print(isinstance(1, int), isinstance("a", (int, str)), getattr(l, "nope", None))
print(list(enumerate("ab", 1)), list(zip("ab", [1, 2], (3, 4))))

# Slices: forward, backward, empty, clamped, of lists and tuples.
items = list(range(10))
t = tuple(items)
for sl in [slice(None), slice(2, 5), slice(None, None, -1), slice(8, 2, -2),
           slice(-3, None), slice(5, 2), slice(None, None, 3), slice(20, 30),
           slice(-20, 2), slice(3, -20, -1), slice(0, 0, -1)]:
    print(sl, items[sl], t[sl])
print(t[:] is t, t[0:10] is t, [][::-1], ()[::-1], [1][5:1:-1])
for i in range(4):
    print(items[:i] + items[i + 1:])

# list(x), extend and concatenation.
a = [1, 2, 3]
a.extend(a)
print(a)
b = list(a)
print(b, b is a, b == a)
b.extend((7, 8))
b.extend([])
b.extend(())
b.extend(x for x in "xy")
print(b, list(()), list(t[:3]), [1] + [], [] + [2], a + b)
class L(list):
    pass
c = L([1, 2])
print(list(c), type(list(c)).__name__, [0] + c)
print(sys.getsizeof(list([1, 2, 3])), sys.getsizeof(list((1, 2, 3, 4, 5))),
      sys.getsizeof([1, 2] + [3]), sys.getsizeof(items[2:7]))

# Arity and type errors of the built-ins called with the arguments on the stack.
def check(f):
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

check(lambda: len())
check(lambda: len(1, 2))
check(lambda: [].append())
check(lambda: [].append(1, 2))
check(lambda: [].insert(1))
check(lambda: [].insert("a", 1))
check(lambda: [].insert(1, 2, 3))
check(lambda: set().add())
check(lambda: set().add([]))
check(lambda: "a".split(1))
check(lambda: "a".split(",", 1, 2))
check(lambda: "a".split(x=1))
check(lambda: "a".split(",", sep=","))
check(lambda: isinstance(1))
check(lambda: isinstance(1, 2))
check(lambda: min())
check(lambda: max(1))
check(lambda: divmod(1, 2, 3))
check(lambda: list(1, 2))
check(lambda: list(1))
check(lambda: tuple(1, 2))
check(lambda: enumerate())
check(lambda: range())
check(lambda: range(1, 2, 3, 4))
check(lambda: [1, 2][1:2:0])
check(lambda: (1, 2)["a":])
check(lambda: {}.get())
check(lambda: "ab".replace("a"))
