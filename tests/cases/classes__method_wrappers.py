# Method-wrappers: slot wrappers bound to an instance ((1).__add__, [].__len__).
def cut(text):
    return text.split(" at 0x")[0]


for m in ((1).__add__, [].__len__, "ab".__getitem__, (1.5).__neg__, {}.__setitem__,
          None.__bool__, (1, 2).__iter__, object().__repr__, int.__call__):
    print(cut(repr(m)), type(m).__name__, m.__name__)
m = (5).__add__
print(m(1), m.__self__, m.__qualname__, m.__objclass__ if hasattr(m, "__objclass__") else "no __objclass__")
print((5).__add__ == (5).__add__, (5).__add__ == (6).__add__, (5).__add__ != (5).__sub__)
print(hash((5).__add__) == hash((5).__add__))
x = [1, 2]
f = x.__len__
x.append(3)
print(f(), f.__self__ is x)
g = x.__setitem__
g(0, 100)
print(x)
# The method-wrapper reaches the instance's type's slot, not the instance dict
class C:
    def __repr__(self):
        return "C-repr"


c = C()
print(repr(c), c.__repr__(), type(c.__repr__).__name__, cut(object.__repr__(c)))
print(type(c.__init__).__name__, cut(repr(c.__init__)), c.__init__() is None)
print(type(c.__eq__).__name__, c.__eq__(c), c.__eq__(1), c.__ne__(1))
print(type(c.__hash__).__name__, c.__hash__() == hash(c))
# method-wrappers of built-ins of a subclass instance
class MyInt(int):
    pass


mi = MyInt(7)
print(cut(repr(mi.__add__)), mi.__add__(1), type(mi.__add__(1)).__name__)
print(cut(repr(True.__and__)), True.__and__(False), (3).__and__(True))
