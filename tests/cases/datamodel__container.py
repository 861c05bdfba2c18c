# Container protocol: __getitem__, __setitem__, __delitem__, __contains__, __len__,
# and iteration / membership through the old __getitem__ protocol.
class Grid:
    def __init__(self):
        self.cells = {}

    def __getitem__(self, key):
        print("__getitem__", key)
        if key not in self.cells:
            raise KeyError(key)
        return self.cells[key]

    def __setitem__(self, key, value):
        print("__setitem__", key, value)
        self.cells[key] = value

    def __delitem__(self, key):
        print("__delitem__", key)
        del self.cells[key]

    def __contains__(self, key):
        print("__contains__", key)
        return key in self.cells

    def __len__(self):
        return len(self.cells)


g = Grid()
g[0, 0] = "a"
g[1, 2] = "b"
print(g[1, 2], len(g), (0, 0) in g, (5, 5) not in g)
del g[0, 0]
print(len(g))
try:
    g[9, 9]
except KeyError as e:
    print("KeyError:", e)
g["k"] = [1, 2]
g["k"][0] = 10
g["k"] += [3]
print(g.cells["k"])


class Slicer:
    def __getitem__(self, idx):
        return idx


s = Slicer()
print(s[1], s[1:2], s[::2], s[1:2, 3], s[...], s[-1])


class Squares:
    """No __iter__ and no __contains__: both fall back to __getitem__."""
    def __getitem__(self, i):
        print("get", i)
        if i >= 4:
            raise IndexError(i)
        return i * i


print(list(Squares()))
print(4 in Squares())
print(7 in Squares())
a, b, c, d = Squares()
print(a + b + c + d)


class NoContainer:
    pass


for op in ("get", "set", "del", "in", "iter", "len"):
    try:
        x = NoContainer()
        if op == "get":
            x[0]
        elif op == "set":
            x[0] = 1
        elif op == "del":
            del x[0]
        elif op == "in":
            1 in x
        elif op == "iter":
            iter(x)
        else:
            len(x)
    except TypeError as e:
        print("TypeError:", e)
