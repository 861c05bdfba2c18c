# Built-in types are immutable: setting or deleting attributes on them fails.
def attempt(label, fn):
    try:
        fn()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "-> no error")


def setter(T, name, value):
    return lambda: setattr(T, name, value)


def deleter(T, name):
    return lambda: delattr(T, name)


attempt("int.__add__ = f", setter(int, "__add__", lambda a, b: 0))
attempt("list.__len__ = f", setter(list, "__len__", len))
attempt("object.__eq__ = f", setter(object, "__eq__", lambda a, b: True))
attempt("str.upper = f", setter(str, "upper", str.lower))
attempt("dict.extra = 1", setter(dict, "extra", 1))
attempt("type.__call__ = f", setter(type, "__call__", None))
attempt("NoneType.__bool__ = f", setter(type(None), "__bool__", lambda s: True))
attempt("bool.__repr__ = f", setter(bool, "__repr__", repr))
attempt("del int.__add__", deleter(int, "__add__"))
attempt("del list.append", deleter(list, "append"))
attempt("del object.missing", deleter(object, "missing"))
attempt("int.__name__ = 'x'", setter(int, "__name__", "x"))
attempt("int.__doc__ = 'x'", setter(int, "__doc__", "x"))
attempt("int.__module__ = 'x'", setter(int, "__module__", "x"))
attempt("int.__dict__['__add__'] = 0", lambda: int.__dict__.__setitem__("__add__", 0))
print(1 + 1, len([1]), str.upper("ok"))


# The same names on a user class are fine
class Mine:
    pass


Mine.__name__ = "Renamed"
Mine.__doc__ = "doc"
Mine.__module__ = "elsewhere"
print(Mine.__name__, Mine.__qualname__, Mine.__doc__, Mine.__module__)
print(repr(Mine).split(" at ")[0])
attempt("Mine.__name__ = 5", setter(Mine, "__name__", 5))
attempt("Mine.__qualname__ = 5", setter(Mine, "__qualname__", 5))
attempt("Mine.__bases__ = (int,)", setter(Mine, "__bases__", (int,)))
attempt("Mine.__mro__ = ()", setter(Mine, "__mro__", ()))
attempt("Mine.__dict__ = {}", setter(Mine, "__dict__", {}))
attempt("del Mine.__name__", deleter(Mine, "__name__"))
# The uncaught one, compared with its traceback
int.__add__ = lambda a, b: 42
