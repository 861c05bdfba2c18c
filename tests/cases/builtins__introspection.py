# isinstance, issubclass, id, hash, callable, getattr/setattr/hasattr/delattr, chr, ord,
# hex/oct/bin, format, repr, ascii, len, vars, dir, globals, locals, print.
def show(text, call):
    try:
        print(text, "->", repr(call()))
    except Exception as exc:
        print(text, "!!", type(exc).__name__, exc)

print(isinstance(1, int), isinstance(True, int), isinstance(1, bool), isinstance(1.0, int))
print(isinstance(1, (str, (float, int))), isinstance("a", ()), isinstance(int, type),
      isinstance(int, object), isinstance(None, object), isinstance(KeyError(), LookupError))
print(issubclass(bool, int), issubclass(int, bool), issubclass(bool, (str, int)),
      issubclass(type, object), issubclass(KeyError, (ValueError, Exception)), issubclass(int, int))
print(isinstance(1, (int, (str, 1))), isinstance([], list), isinstance({}, (list, dict)))
a = 1000
b = a
print(id(a) == id(b), id(a) == id(a + 0), hash(1), hash(-1), hash(1.5), hash((1, 2)), hash(""))
print(hash("a") == hash("a"), hash(2**61 - 1), hash(2**61), hash(-2**64), hash(True))
def fn():
    pass
print(callable(len), callable(int), callable(fn), callable(1), callable("a"), callable(print))
fn.tag = "t"
print(getattr(fn, "tag"), getattr(fn, "missing", None), hasattr(fn, "tag"), hasattr(1, "x"))
setattr(fn, "tag", "u")
print(fn.tag, getattr(fn, "__name__"), getattr(1, "real"), getattr(2.5, "imag"))
delattr(fn, "tag")
print(hasattr(fn, "tag"))
print(chr(65), chr(0), chr(233), chr(0x1F600) == "\U0001F600", ord("a"), ord("é"), ord("\U0001F600"))
print(hex(255), hex(-255), oct(8), oct(-8), bin(5), bin(-5), bin(0), hex(2**70), hex(True))
print(format(1.5, ".3f"), format(3), format("x", ">3"), format(True, "^5"), format(255, "x"),
      format(1234567, ","), format(0.25, "%"), format([1]), format(True))
print(repr("a'b"), repr([1, "x"]), ascii("é"), ascii(["ü"]), len("héllo"), len([1, 2]),
      len({1: 2}), len({1}), len(range(10)), len(()), len(range(0, 2**64, 2**62)))
print("globals" in dir(), "fn" in globals(), globals() is globals(), locals() is globals())
print(vars() is globals(), vars(fn) == {}, type(vars(fn)).__name__)
def scope(p, q=2, *rest, k=3, **kw):
    x = p + q
    def inner():
        return x + k
    print(sorted(locals()), dir())
    return inner
scope(1, 5, 6, k=4, z=9)
def closure():
    v = 1
    def f():
        w = v
        return locals()
    return f()
print(closure())
print("a", "b", sep="-", end="|\n")
print("a", "b", sep=None, end=None)
print()
print(1, 2, 3, sep="")
print("x", end="")
print("y", flush=True)
calls = [
    ("isinstance(1)", lambda: isinstance(1)),
    ("isinstance(1, 1)", lambda: isinstance(1, 1)),
    ("isinstance(1, (str, 1))", lambda: isinstance(1, (str, 1))),
    ("isinstance(x=1)", lambda: isinstance(x=1)),
    ("issubclass(1, int)", lambda: issubclass(1, int)),
    ("issubclass(int, 1)", lambda: issubclass(int, 1)),
    ("issubclass(int, (int, 1))", lambda: issubclass(int, (int, 1))),
    ("hash([])", lambda: hash([])),
    ("hash((1, []))", lambda: hash((1, []))),
    ("id()", lambda: id()),
    ("callable()", lambda: callable()),
    ("getattr(1)", lambda: getattr(1)),
    ("getattr(1, 2)", lambda: getattr(1, 2)),
    ("getattr(1, 'x')", lambda: getattr(1, "x")),
    ("hasattr(1, 2)", lambda: hasattr(1, 2)),
    ("setattr(1, 'x', 2)", lambda: setattr(1, "x", 2)),
    ("delattr(1, 'x')", lambda: delattr(1, "x")),
    ("chr(-1)", lambda: chr(-1)),
    ("chr(0x110000)", lambda: chr(0x110000)),
    ("chr(1.5)", lambda: chr(1.5)),
    ("chr(2**70)", lambda: chr(2**70)),
    ("chr('a')", lambda: chr("a")),
    ("ord('ab')", lambda: ord("ab")),
    ("ord('')", lambda: ord("")),
    ("ord(1)", lambda: ord(1)),
    ("hex(1.5)", lambda: hex(1.5)),
    ("oct('a')", lambda: oct("a")),
    ("format(1, 2)", lambda: format(1, 2)),
    ("format(1, 'x', 3)", lambda: format(1, "x", 3)),
    ("format([], 'x')", lambda: format([], "x")),
    ("vars(1)", lambda: vars(1)),
    ("vars(1, 2)", lambda: vars(1, 2)),
    ("dir(1, 2)", lambda: dir(1, 2)),
    ("globals(1)", lambda: globals(1)),
    ("locals(1)", lambda: locals(1)),
    ("len()", lambda: len()),
    ("len(5)", lambda: len(5)),
    ("len(range(2**70))", lambda: len(range(2**70))),
    ("repr()", lambda: repr()),
    ("print(sep=1)", lambda: print(sep=1)),
    ("print(end=2)", lambda: print(end=2)),
    ("print(file=1)", lambda: print(file=1)),
    ("print(x=1)", lambda: print(x=1)),
    ("input(1, 2)", lambda: input(1, 2)),
]
for text, call in calls:
    show(text, call)
