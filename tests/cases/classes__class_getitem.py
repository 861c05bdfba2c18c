# __class_getitem__: C[...] on a class calls it (an implicit classmethod).
class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"


print(Box[int], Box["x"], Box[1, 2], Box[()])
print(type(Box.__dict__["__class_getitem__"]).__name__)


class SubBox(Box):
    pass


print(SubBox[str])
try:
    Box()[0]
except TypeError as e:
    print(type(e).__name__, e)


class Plain:
    pass


try:
    Plain[int]
except TypeError as e:
    print(type(e).__name__, e)


# A metaclass __getitem__ wins over __class_getitem__
class Meta(type):
    def __getitem__(cls, item):
        return "Meta.__getitem__"


class Both(metaclass=Meta):
    def __class_getitem__(cls, item):
        return "__class_getitem__"


print(Both[0])


# An instance's __getitem__ is separate
class Seq:
    def __getitem__(self, i):
        return i * 10

    def __class_getitem__(cls, item):
        return ("class", item)


print(Seq()[3], Seq[3])
# Built-in generics
print(list[int], dict[str, list[int]], tuple[int, ...], type(list[int]).__name__)
print(list[int].__origin__ is list, list[int].__args__, list[int]([1, 2]))
print(list[int] == list[int], list[int] == list[str])
try:
    int[str]
except TypeError as e:
    print(type(e).__name__, e)


class NotClassmethod:
    __class_getitem__ = staticmethod(lambda item: ("static", item))


print(NotClassmethod["q"])
