import types
print(int|None, (int|str)|float, int|int, (int|str)==(str|int), (int|str).__args__, type(None|int))
print(int|list[int], list[int]|None)
print(isinstance(3,int|str), issubclass(bool, int|str), isinstance(3.0, int|str))
try: int | 3
except TypeError as e: print(e)
print(hash(int|str)==hash(str|int), types.UnionType, repr(int|None|str), types.GenericAlias)
class A: pass
print(A | None, int | A)
print(isinstance(None, int|None))
print(issubclass(int, str | None), (int | str) != (int | float), (int | str) == int)
print(int | str | int, (int | str) | (str | float), list[int] | list[int])
d = {int | str: 1}
print(d[str | int])
try:
    isinstance(1, int | 3 if False else (int | str, 4))
except TypeError as e:
    print(e)
