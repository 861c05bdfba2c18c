# __bool__ and __len__: truth testing and len().
class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        print("__bool__", self.on)
        return self.on


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        print("__len__", self.n)
        return self.n


class Neither:
    pass


class BoolWins:
    def __bool__(self):
        return True

    def __len__(self):
        return 0


print(bool(Flag(True)), bool(Flag(False)), bool(Sized(0)), bool(Sized(3)), bool(Neither()))
print(len(Sized(7)), bool(BoolWins()), len(BoolWins()))
if Flag(False) or Sized(2):
    print("or picked a truthy object")
print(not Sized(0), [x.n for x in (Sized(0), Sized(1)) if x])
x = Flag(False) and 5
print(type(x).__name__)
n = 0
s = Sized(2)
while s:
    s.n -= 1
    n += 1
print("loop ran", n)
print(any([Sized(0), Flag(True)]), all([Flag(True), Sized(0)]))
print((Flag(True) if Sized(1) else Flag(False)).on)


class BadBool:
    def __bool__(self):
        return 1


class BadLen:
    def __init__(self, v):
        self.v = v

    def __len__(self):
        return self.v


for obj in (BadBool(), BadLen(-1), BadLen("3"), BadLen(2 ** 70), Neither()):
    try:
        if isinstance(obj, BadBool):
            bool(obj)
        else:
            len(obj)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
try:
    bool(BadLen(-2))
except ValueError as e:
    print("ValueError:", e)
print(bool(BadLen(True)), len(BadLen(True)))
