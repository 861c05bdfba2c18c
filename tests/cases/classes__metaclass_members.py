# Methods and properties defined on a metaclass are visible on its classes but not on
# the classes' instances.
class Meta(type):
    greeting = "meta attribute"

    def describe(cls):
        return "class " + cls.__name__

    @property
    def upper_name(cls):
        return cls.__name__.upper()

    @classmethod
    def meta_cm(mcls):
        return mcls.__name__

    def __len__(cls):
        return len(cls.__name__)

    def __repr__(cls):
        return f"<Meta class {cls.__name__}>"

    def __iter__(cls):
        return iter(cls.__name__)


class Widget(metaclass=Meta):
    local = "class attribute"

    def describe(self):
        return "instance of " + type(self).__name__


w = Widget()
print(Widget.describe(w), w.describe(), type(Widget).describe(Widget))
print(Widget.upper_name, Widget.greeting, Widget.meta_cm(), Meta.meta_cm())
print(len(Widget), repr(Widget), list(Widget), [Widget])
for name in ("upper_name", "greeting", "meta_cm"):
    try:
        getattr(w, name)
    except AttributeError as e:
        print(type(e).__name__, e)
try:
    len(w)
except TypeError as e:
    print(type(e).__name__, e)
print(hasattr(Widget, "upper_name"), hasattr(w, "local"), "upper_name" in dir(Widget))
print("upper_name" in Widget.__dict__, "local" in Widget.__dict__)
# A class attribute shadows a metaclass attribute of the same name for plain ones,
# but a data descriptor on the metaclass wins
class Meta2(type):
    label = "meta"

    @property
    def kind(cls):
        return "meta property"


class K(metaclass=Meta2):
    label = "class"
    kind = "class attribute"


print(K.label, K.kind, K().kind)
try:
    Widget.upper_name = "x"
except AttributeError as e:
    print(type(e).__name__, e)
Widget.greeting = "set on the class"
print(Widget.greeting, Meta.greeting)
# type's own attributes seen through a class
print(Widget.__name__, Widget.__mro__ == (Widget, object), Widget.__class__.__name__)
try:
    w.__mro__
except AttributeError as e:
    print(type(e).__name__, e)
try:
    w.__name__
except AttributeError as e:
    print(type(e).__name__, e)
# dir() of a class does not list its metaclass's attributes
print(sorted(set(dir(Widget)) - set(dir(w))), "meta_cm" in dir(Widget), "upper_name" in dir(Meta))
