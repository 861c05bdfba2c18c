# Errors from calling slot wrappers (wrapper_descriptor) and method-wrappers wrongly.
def attempt(label, fn, *args, **kwargs):
    try:
        result = fn(*args, **kwargs)
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=>", result)


attempt("int.__add__('a', 1)", int.__add__, "a", 1)
attempt("int.__add__(1.5, 1)", int.__add__, 1.5, 1)
attempt("float.__add__(1, 1.5)", float.__add__, 1, 1.5)
attempt("list.__len__(())", list.__len__, ())
attempt("str.__len__([])", str.__len__, [])
attempt("dict.__setitem__([], 1, 2)", dict.__setitem__, [], 1, 2)
attempt("object.__eq__()", object.__eq__)
attempt("int.__add__()", int.__add__)
attempt("int.__add__(1)", int.__add__, 1)
attempt("int.__add__(1, 2, 3)", int.__add__, 1, 2, 3)
attempt("int.__neg__(1, 2)", int.__neg__, 1, 2)
attempt("list.__len__([], 1)", list.__len__, [], 1)
attempt("list.__setitem__([1], 0)", list.__setitem__, [1], 0)
attempt("int.__add__(1, y=2)", int.__add__, 1, y=2)
attempt("list.__init__([], [1], [2])", list.__init__, [], [1], [2])
attempt("int.__pow__(2, 3, 5, 7)", int.__pow__, 2, 3, 5, 7)
attempt("int.__pow__(2, 10, 1000)", int.__pow__, 2, 10, 1000)
attempt("bool.__or__(1, True)", bool.__or__, 1, True)
attempt("__get__('x')", int.__dict__["__add__"].__get__, "x")
attempt("__get__(None, None)", int.__dict__["__add__"].__get__, None, None)
attempt("__get__()", int.__dict__["__add__"].__get__)
attempt("(1).__add__()", (1).__add__)
attempt("(1).__add__(1, 2)", (1).__add__, 1, 2)
attempt("[].__len__(0)", [].__len__, 0)
attempt("(1).__neg__(k=1)", (1).__neg__, k=1)
attempt("object.__repr__()", object.__repr__)
attempt("object.__setattr__(1, 'x', 2)", object.__setattr__, 1, "x", 2)
attempt("object.__init__(1, 2)", object.__init__, 1, 2)


class A:
    pass


attempt("int.__add__(A(), 1)", int.__add__, A(), 1)
attempt("type.__call__(1)", type.__call__, 1)
attempt("A.__init__(A(), 5)", A.__init__, A(), 5)
# The uncaught one: the traceback is compared too.
list.__len__("not a list")
