# Polymorphic method sites: entries of built-in types (pinned methods), a class's
# method replaced after the site kept it, an instance attribute shadowing the method,
# a class with __slots__ and one whose instances have a real dict.
import sys


class A:
    def m(self):
        return "A.m"


class B:
    def m(self):
        return "B.m"


class S:
    __slots__ = ("v",)

    def m(self):
        return "S.m"


class D:
    def m(self):
        return "D.m"


def callm(o):
    return o.m()


def count(o):
    return o.count(1)


d = D()
d.__dict__  # a real dict, no values apart
objs = [A(), B(), S(), d]
print([callm(o) for _ in range(20) for o in objs][-4:])

# The kept method goes stale: the class's method is replaced.
A.m = lambda self: "A.m2"
print([callm(o) for _ in range(20) for o in objs][-4:])

# An instance attribute shadows the method (values guard, then a dict).
a = A()
print([callm(o) for _ in range(20) for o in (a, objs[1])][-2:])
a.m = lambda: "own"
print([callm(o) for _ in range(20) for o in (a, objs[1])][-2:])
d.m = lambda: "own d"
print([callm(o) for _ in range(20) for o in (d, objs[1])][-2:])
del d.m
print([callm(o) for _ in range(20) for o in (d, objs[1])][-2:])

# Built-in types' methods at one site.
seqs = [[1, 1, 2], (1, 2, 1, 1), "1", b"\x01\x01"]
print([count(s) if not isinstance(s, (str, bytes)) else 0 for _ in range(20) for s in seqs][-4:])
print([count(s) for _ in range(20) for s in seqs[:2]][-2:])
print(sys.getrefcount(A), sys.getrefcount(B), sys.getrefcount(objs[2]))
