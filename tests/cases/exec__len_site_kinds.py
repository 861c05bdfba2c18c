# len() at one specialized call site (CALL_NO_KW_LEN) over every kind it meets: exact
# list/tuple/dict by their type, other built-ins, and a list subclass whose __len__
# must run (not the list's length).
class L(list):
    def __len__(self):
        return 42
def f(xs):
    out = []
    for x in xs:
        out.append(len(x))
    return out
data = [[1, 2], (1, 2, 3), {"a": 1}, "héllo", L([1]), b"ab", range(5), set([1]), [], ()]
for _ in range(3):
    print(f(data))
