# Import errors, caught: their messages and their name / path / msg attributes.
import sys
sys.path.insert(0, sys.path[0] + "/imports_pkgs")


def attempt(code):
    try:
        exec_import(code)
    except Exception as e:
        name = getattr(e, "name", "-")
        print(type(e).__name__ + ":", e, "| name:", name)


def exec_import(code):
    if code == 1:
        import no_such_module_anywhere
    elif code == 2:
        from simple import nothere
    elif code == 3:
        import simple.sub
    elif code == 4:
        from sys import nothere
    elif code == 5:
        import shapes.nope
    elif code == 6:
        from errors_pkg import beyond
    elif code == 7:
        import errors_pkg.missing_rel
    elif code == 8:
        import err_runtime
    elif code == 9:
        from shapes import circle, nope
    elif code == 10:
        __import__("")
    elif code == 11:
        __import__(42)
    elif code == 12:
        __import__("simple", level=-1)
    elif code == 13:
        import selfdel


for i in range(1, 14):
    attempt(i)

# A failed import leaves nothing behind in sys.modules.
print("err_runtime" in sys.modules, "no_such_module_anywhere" in sys.modules)

# None in sys.modules blocks an import.
sys.modules["blocked"] = None
try:
    import blocked
except ImportError as e:
    print(type(e).__name__, e)

try:
    from . import x
except ImportError as e:
    print(type(e).__name__, e, e.name, e.path)

e = ImportError("message", name="n", path="p")
print(e.msg, e.name, e.path, e.args, e)
e = ImportError("a", "b")
print(e.msg, e.name, e.args, e)
e = ModuleNotFoundError("m", name="mod")
print(e.name, isinstance(e, ImportError))
try:
    ImportError("x", bogus=1)
except TypeError as t:
    print(t)

# SyntaxError from an imported module, caught.
try:
    import err_syntax
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text), e.filename.endswith("err_syntax.py"))
    print(str(e))
try:
    import err_indent
except IndentationError as e:
    print(type(e).__name__, e)
