# The data attributes of built-in types are member and getset descriptors in their
# types' dicts (reprs, __get__ / __set__, read-only errors), and the usual attribute
# access finds the same values.
def f(a, b=2):
    "doc of f"
    return a


class C:
    def m(self):
        pass


for T, name in ((type(f), "__doc__"), (type(f), "__code__"), (type(f), "__globals__"),
                (type(f), "__defaults__"), (type(f), "__name__"), (slice, "start"),
                (range, "step"), (int, "real"), (int, "denominator"), (float, "imag"),
                (complex, "imag"), (property, "fget"), (property, "__isabstractmethod__"),
                (BaseException, "args"), (BaseException, "__traceback__"),
                (BaseException, "__suppress_context__"), (object, "__class__"),
                (type(C().m), "__func__"), (type(len), "__name__")):
    d = T.__dict__[name]
    print(repr(d), type(d).__name__, d.__name__, d.__objclass__ is T)

# __get__ gives what attribute access gives
s = slice(1, 10, 3)
print(slice.__dict__["start"].__get__(s), s.start, s.stop, s.step, range(2, 9, 4).stop)
print(int.__dict__["numerator"].__get__(7), (7).denominator, (2.5).real, (3 + 4j).imag, True.real)
print(type(f).__dict__["__defaults__"].__get__(f), f.__doc__, f.__name__, type(f).__dict__["__name__"].__get__(f))
print(object.__dict__["__class__"].__get__(C()) is C, C().__class__ is C, (5).__class__, len.__name__)
print(slice.__dict__["start"].__get__(None, slice) is slice.__dict__["start"])
# Setting through descriptors
e = ValueError("a")
BaseException.__dict__["args"].__set__(e, ("b", "c"))
print(e.args, str(e))
e.__suppress_context__ = True
print(e.__suppress_context__)
type(f).__dict__["__doc__"].__set__(f, "new doc")
f.__name__ = "g"
print(f.__doc__, f.__name__, f.__qualname__)
# Subclass instances find the built-in descriptors too
class MyErr(Exception):
    pass


class MyInt(int):
    pass


me = MyErr(1, 2)
me.args = (3,)
print(me.args, MyInt(9).real, MyInt(9).denominator)
# Read-only ones
for label, op in (("slice.start", lambda: setattr(s, "start", 0)),
                  ("int.real", lambda: setattr(5, "real", 0)),
                  ("complex.imag", lambda: setattr(1j, "imag", 0)),
                  ("function.__globals__", lambda: setattr(f, "__globals__", {})),
                  ("range.stop", lambda: setattr(range(3), "stop", 1)),
                  ("descr on wrong type", lambda: slice.__dict__["start"].__get__(5)),
                  ("set on wrong type", lambda: int.__dict__["real"].__set__(1.5, 2))):
    try:
        op()
    except (AttributeError, TypeError) as exc:
        print(label, "->", type(exc).__name__, exc)
print(sorted(k for k, v in vars(slice).items() if type(v).__name__ == "member_descriptor"))
print(sorted(k for k, v in vars(int).items() if type(v).__name__ == "getset_descriptor"))
