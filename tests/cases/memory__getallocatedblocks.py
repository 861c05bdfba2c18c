# sys.getallocatedblocks: pymalloc's blocks in use; sys.getsizeof and __sizeof__.
import sys

n0 = sys.getallocatedblocks()
print(type(n0).__name__, n0 > 0)
objs = [object() for _ in range(1000)]
n1 = sys.getallocatedblocks()
print(1000 <= n1 - n0 < 1020)
del objs
n2 = sys.getallocatedblocks()
print(abs(n2 - n0) < 20)
floats = [float(i) for i in range(500)]
print(500 <= sys.getallocatedblocks() - n2 < 520)
del floats

print([x.__sizeof__() for x in (None, 1, 2**100, 1.5, "abc", (1, 2), [1, 2, 3], {}, set(), b"xy")])
print(object().__sizeof__(), sys.getsizeof(object()))


class Plain:
    pass


class Slotted:
    __slots__ = ("a", "b")


class Sized:
    def __sizeof__(self):
        return 100


class SizedList(list):
    def __sizeof__(self):
        return super().__sizeof__() + 1000


class Negative:
    def __sizeof__(self):
        return -1


class NotInt:
    def __sizeof__(self):
        return "big"


class Huge:
    def __sizeof__(self):
        return 2**70


class Raises:
    def __sizeof__(self):
        raise KeyError("no")


print(Plain().__sizeof__(), sys.getsizeof(Plain()))
print(Slotted().__sizeof__(), sys.getsizeof(Slotted()))
print(sys.getsizeof(Sized()), sys.getsizeof(SizedList([1, 2])), sys.getsizeof([1, 2]))
print(sys.getsizeof(True), sys.getsizeof(Sized(), 5))
for cls in (Negative, NotInt, Huge, Raises):
    for args in ((), (7,)):
        try:
            print(cls.__name__, args, sys.getsizeof(cls(), *args))
        except Exception as e:
            print(cls.__name__, args, type(e).__name__, e)
