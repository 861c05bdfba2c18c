# One-character strings: chr(), indexing and decoding at run time give CPython's
# Latin-1 singletons; a constant of one character is interned, and for the 29
# characters CPython 3.11 has interned at start-up the interned object is not the
# singleton. A subscript of constants is folded to a constant at compile time.
import sys

def run_time(c):
    return "x" + c

for c in "qagzB_ Q9é":
    single = chr(ord(c))
    made = run_time(c)[1]
    const = eval(repr(c))
    print(repr(c), single is made, const is single, sys.intern(single) is const,
          const is eval(repr(c)))

x = "q"
y = "g"
print(x is chr(113), y is chr(103), x is "pq"[1], y is "xg"[1])
print("pq"[1:] is chr(113), b"q".decode() is x, b"g".decode() is y)
print(x is sys.intern(chr(113)), chr(113) is sys.intern(chr(113)))

# Folded subscripts: str, bytes and tuple constants with a constant index.
print("héllo"[1], "abc"[-1], b"AB"[1], (1, (2, 3))[1], ("a", "b")[True])
import dis
def folded():
    return "pq"[1], b"AB"[0], (1, 2, 3)[-1]
ops = [(i.opname, i.argval) for i in dis.get_instructions(folded)]
print([o for o in ops if o[0] != "RESUME"])
def not_folded(i):
    return "pq"[i], (1, 2)[5:], {"a": 1}["a"]
print(sorted({i.opname for i in dis.get_instructions(not_folded)} - {"RESUME"}))
try:
    print((1, 2)[5])
except IndexError as e:
    print("IndexError", e)
