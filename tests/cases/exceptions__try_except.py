# try/except/else/finally, matching by hierarchy, binding with as.
def attempt(f):
    try:
        r = f()
    except ZeroDivisionError as e:
        print("zero:", e)
    except (KeyError, IndexError) as e:
        print("lookup:", type(e).__name__, e)
    except Exception as e:
        print("other:", type(e).__name__, e)
    else:
        print("ok:", r)
    finally:
        print("finally")
attempt(lambda: 1 / 0)
attempt(lambda: {}["k"])
attempt(lambda: [][1])
attempt(lambda: int("x"))
attempt(lambda: 42)
try:
    raise ValueError("v")
except ArithmeticError:
    print("not here")
except LookupError:
    print("nor here")
except ValueError as err:
    print("caught", repr(err), err.args)
