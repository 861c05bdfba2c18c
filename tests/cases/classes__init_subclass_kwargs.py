# __init_subclass__ with keyword arguments from the class statement, defaults, and the
# errors for keywords nobody takes.
class Base:
    def __init_subclass__(cls, /, tag, level=1, **rest):
        super().__init_subclass__(**rest)
        cls.tag, cls.level = tag, level
        print("Base hook:", cls.__name__, tag, level)


class A(Base, tag="a"):
    pass


class B(Base, tag="b", level=5):
    pass


print(A.tag, A.level, B.tag, B.level)
try:
    class NoTag(Base):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Extra(Base, tag="x", colour="red"):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Plain(flag=True):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("T", (), {}, flag=True)
except TypeError as e:
    print(type(e).__name__, e)


class Chain(Base, tag="chain"):
    def __init_subclass__(cls, shout=False, **kw):
        print("Chain hook:", cls.__name__, shout, kw)
        super().__init_subclass__(tag=cls.__name__.lower(), **kw)


class Leaf(Chain, shout=True, level=9):
    pass


print(Leaf.tag, Leaf.level, "tag" in Leaf.__dict__)
# the hook is an implicit classmethod and sees the new class, not the base
print(type(Base.__dict__["__init_subclass__"]).__name__)


class Seen:
    seen = []

    def __init_subclass__(cls, **kw):
        Seen.seen.append((cls.__name__, cls.__bases__[0].__name__, sorted(kw)))


class S1(Seen):
    pass


class S2(S1):
    pass


T = type("T", (S2,), {})
print(Seen.seen)


# keyword arguments reach the metaclass as well
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta sees", kw)
        return super().__new__(mcls, name, bases, ns, **kw)


class WithMeta(Base, metaclass=Meta, tag="m"):
    pass


print(WithMeta.tag)
# uncaught: the traceback names the class statement
class Oops(A, tag="t", unknown=1):
    pass
