# The with statement's flow: exc state inside __enter__/__exit__, return through
# with and finally, errors in __enter__/__exit__ (context chaining), several items,
# with in a class body, and an uncaught error out of __exit__ (traceback).
# (No traceback objects are printed: glasspy passes None as __exit__'s tb.)
import sys
class CM:
    def __init__(self, n, sup=False, boom=False, eboom=False):
        self.n, self.sup, self.boom, self.eboom = n, sup, boom, eboom
    def __enter__(self):
        print("enter", self.n, sys.exc_info()[0])
        if self.eboom:
            raise KeyError(self.n)
        return self
    def __exit__(self, t, v, tb):
        print("exit", self.n, t, v, sys.exc_info()[1])
        if self.boom:
            raise RuntimeError("boom " + self.n)
        return self.sup

def f():
    try:
        with CM("a"):
            return 1
    finally:
        print("finally", sys.exc_info())
print(f())
try:
    with CM("b", eboom=True) as x:
        print("no")
except KeyError as e:
    print("caught", repr(e), sys.exc_info()[0])
print(sys.exc_info()[:2])
try:
    raise ValueError("outer")
except ValueError:
    with CM("c", sup=True):
        raise TypeError("inner")
    print("after", sys.exc_info()[:2])
print(sys.exc_info()[:2])
try:
    with CM("d", boom=True):
        raise ValueError("orig")
except RuntimeError as e:
    print(repr(e), repr(e.__context__), e.__suppress_context__)
try:
    with CM("e", boom=True):
        pass
except RuntimeError as e:
    print(repr(e), repr(e.__context__))
def g():
    for i in range(3):
        with CM(str(i)) as c, CM("x" + str(i)):
            if i == 1:
                return c.n
g()
class Ns:
    with CM("cls") as cm:
        y = 5
print(Ns.y, Ns.cm.n)
def h():
    with CM("h"):
        raise IndexError("tb")
try:
    h()
except IndexError as e:
    print("ok", e)


# A None in the type is found, then fails when called (not "does not support").
class NoneEnter:
    __enter__ = None
    __exit__ = lambda *a: None


class NoneExit:
    __enter__ = lambda self: 5
    __exit__ = None


for cm in (NoneEnter(), NoneExit()):
    try:
        with cm as v:
            print("body", v)
            1 / 0
    except TypeError as e:
        print("TypeError:", e, repr(e.__context__))


class Boom:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        raise RuntimeError("boom")


def last():
    with Boom() as c, \
            Boom():
        raise ValueError("v")


last()
