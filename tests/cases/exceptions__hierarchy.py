# The built-in exception hierarchy through except clauses.
kinds = [ZeroDivisionError, OverflowError, KeyError, IndexError, ModuleNotFoundError,
         UnboundLocalError, RecursionError, NotImplementedError, TypeError]
for k in kinds:
    try:
        raise k("m")
    except ArithmeticError:
        print(k.__name__, "is ArithmeticError")
    except LookupError:
        print(k.__name__, "is LookupError")
    except ImportError:
        print(k.__name__, "is ImportError")
    except NameError:
        print(k.__name__, "is NameError")
    except RuntimeError:
        print(k.__name__, "is RuntimeError")
    except Exception:
        print(k.__name__, "is Exception")
print(issubclass(KeyError, LookupError), issubclass(bool, int), isinstance(KeyError(), Exception))
