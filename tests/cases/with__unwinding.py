# with inside except / finally / loops / try: exits run once on every way out.
import sys
class CM:
    def __init__(self, n, sup=False):
        self.n, self.sup = n, sup
    def __enter__(self):
        print("enter", self.n, repr(sys.exc_info()[1]))
        return self.n
    def __exit__(self, t, v, tb):
        print("exit", self.n, t and t.__name__, repr(sys.exc_info()[1]))
        return self.sup
def a():
    try:
        raise KeyError("k")
    except KeyError:
        with CM("in-except", sup=True):
            raise ValueError("v")
        with CM("in-except-ret"):
            return "ret from except"
print(a(), repr(sys.exc_info()[1]))
def b():
    for i in range(3):
        try:
            with CM(f"b{i}") as n:
                if i == 0:
                    continue
                if i == 1:
                    break
        finally:
            print("finally", i)
    return i
print(b())
def c():
    try:
        pass
    finally:
        with CM("in-finally") as n:
            return n
print(c())
def d():
    with CM("d1"):
        try:
            with CM("d2", sup=True):
                raise IndexError
            raise TypeError("t")
        except TypeError as e:
            return repr(e)
print(d())
def e():
    while True:
        with CM("e1"):
            with CM("e2"):
                try:
                    return "e"
                finally:
                    print("inner finally")
print(e())
x = [1, 2]
with CM("sub") as x[0], CM("attr") as CM.attr:
    pass
print(x, CM.attr)
