# The AttributeError of a property without a setter, deleter or getter: names as
# reprs, the class by its qualified name, and no name for a property made outside
# a class body.
class Outer:
    class Inner:
        @property
        def q(self):
            return 1
for attempt in ("set", "del"):
    try:
        if attempt == "set":
            Outer.Inner().q = 3
        else:
            del Outer.Inner().q
    except AttributeError as e:
        print(e)
class B:
    pass
B.p = property(lambda self: 1)
try:
    B().p = 2
except AttributeError as e:
    print(e)
try:
    del B().p
except AttributeError as e:
    print(e)
p = property(lambda self: 1)
try:
    p.__set__(B(), 1)
except AttributeError as e:
    print(e)
try:
    p.__get__(None, B)
    print("get on class ok")
    property().__get__(B())
except AttributeError as e:
    print(e)
class D:
    x = property()
try:
    D().x
except AttributeError as e:
    print(e)
