# raise ... from: __cause__, and implicit __context__.
try:
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("converted") from e
except ValueError as v:
    print(repr(v), repr(v.__cause__), v.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("during handling")
except RuntimeError as r:
    print(repr(r.__context__), r.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("no context") from None
except RuntimeError as r:
    print(r.__cause__, r.__suppress_context__)
