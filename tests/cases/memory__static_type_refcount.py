# Instances of built-in (static) types hold no counted reference to their type,
# as in CPython 3.11; instances of classes count their class.
import sys
import gc


def delta(tp, make, n=1000):
    make(0)  # first use may fill caches that refer to the type
    before = sys.getrefcount(tp)
    objs = [make(i) for i in range(n)]
    during = sys.getrefcount(tp)
    del objs
    after = sys.getrefcount(tp)
    return during - before, after - before


print("float", delta(float, lambda i: i * 0.5 + 0.25))
print("int", delta(int, lambda i: i * 1000003 + 10**12))
print("big int", delta(int, lambda i: 10**40 + i))
print("tuple", delta(tuple, lambda i: (i, i + 1)))
print("list", delta(list, lambda i: [i]))
print("dict", delta(dict, lambda i: {i: i}))
print("set", delta(set, lambda i: {i}))
print("frozenset", delta(frozenset, lambda i: frozenset([i])))
print("str", delta(str, lambda i: "s%d" % i))
print("bytes", delta(bytes, lambda i: b"b%d" % i))
print("complex", delta(complex, lambda i: complex(i, 1.5)))
print("range", delta(range, lambda i: range(i)))
print("slice", delta(slice, lambda i: slice(i, None)))
print("bool", delta(bool, lambda i: i % 2 == 0))
print("NoneType", delta(type(None), lambda i: None))


def gen(i):
    yield i


print("generator", delta(type(gen(0)), gen))


class C:
    pass


class S:
    __slots__ = ("a",)


class F(float):
    pass


class L(list):
    pass


for cls in (C, S, F, L):
    before = sys.getrefcount(cls)
    objs = [cls() for i in range(100)]
    during = sys.getrefcount(cls)
    del objs
    gc.collect()
    print(cls.__name__, during - before, sys.getrefcount(cls) - before)


class Meta(type):
    pass


before = sys.getrefcount(Meta)
classes = [Meta("K%d" % i, (), {}) for i in range(10)]
print("Meta", sys.getrefcount(Meta) - before)
del classes
gc.collect()
print("Meta after", sys.getrefcount(Meta) - before)

before = sys.getrefcount(type)
classes = [type("K%d" % i, (), {}) for i in range(10)]
print("type", sys.getrefcount(type) - before)
del classes
gc.collect()

# gc.get_referents: the type is listed for instances of classes only.
print(gc.get_referents(1.5))
print(gc.get_referents((1, 2)))
print(gc.get_referents([3]))
c = C()
print([r is C for r in gc.get_referents(c)])
s = S()
s.a = 5
print([r is S or r for r in gc.get_referents(s)])
l = L([1])
print([r is L or r for r in gc.get_referents(l)])
f = F(2.5)
print([r is F or r for r in gc.get_referents(f)])
print(type(f).__name__, F in gc.get_referents(f))

# A class dies with its last instance once nothing else holds it.
import weakref


def make():
    class T:
        pass
    return T()


t = make()
r = weakref.ref(type(t))
gc.collect()
print(r() is not None)
del t
gc.collect()
print(r() is None)
