# @property, @staticmethod, @classmethod and user descriptors.
class Temp:
    def __init__(self, c):
        self._c = c

    @property
    def celsius(self):
        "degrees Celsius"
        return self._c

    @celsius.setter
    def celsius(self, v):
        print("set", v)
        self._c = v

    @celsius.deleter
    def celsius(self):
        print("delete")
        del self._c

    @property
    def kelvin(self):
        return self._c + 273

    @staticmethod
    def unit():
        return "C"

    @classmethod
    def freezing(cls):
        return cls(0)


t = Temp(20)
print(t.celsius, t.kelvin, Temp.celsius.__doc__, type(Temp.celsius).__name__)
t.celsius = 25
print(t.celsius, t.kelvin, sorted(vars(t)))
del t.celsius
print(hasattr(t, "_c"))
for op in ("set", "del"):
    try:
        if op == "set":
            t.kelvin = 1
        else:
            del t.kelvin
    except AttributeError as e:
        print("AttributeError:", e)
print(Temp.unit(), t.unit(), Temp.freezing().celsius, type(Temp.freezing()).__name__)
print(type(Temp.__dict__["unit"]).__name__, type(Temp.__dict__["freezing"]).__name__)
print(Temp.freezing.__self__ is Temp, Temp.unit is Temp.__dict__["unit"].__func__)


class Typed:
    """A data descriptor: __get__ and __set__."""
    def __set_name__(self, owner, name):
        print("__set_name__", owner.__name__, name)
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return "descriptor on " + objtype.__name__
        return getattr(obj, self.name, "unset")

    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(self.name[1:] + " must be int")
        setattr(obj, self.name, value)

    def __delete__(self, obj):
        print("__delete__", self.name)


class Lazy:
    """A non-data descriptor: only __get__."""
    def __get__(self, obj, objtype=None):
        return "from descriptor"


class Item:
    qty = Typed()
    note = Lazy()


i = Item()
print(Item.qty, i.qty, i.note)
i.qty = 5
print(i.qty, sorted(vars(i)))
try:
    i.qty = "many"
except TypeError as e:
    print("TypeError:", e)
i.__dict__["qty"] = 99          # data descriptor wins over the instance dict
print(i.qty)
i.note = "from instance"        # instance dict wins over a non-data descriptor
print(i.note, Item.note)
del i.note
print(i.note)
del i.qty
