# Objects that die inside another's free are freed in CPython's recursive order:
# each with all that dies with it before the next item of its container, so
# finalizers and weak reference callbacks of nested objects run in that order.
# Then long chains of containers, freed without exhausting the stack.
import weakref

log = []


class Fin:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(f"del {self.name}")


class Node:
    def __init__(self, name):
        self.name = name


def note(name):
    return lambda ref: log.append(f"callback {name}")


def show(label, n=6):
    print(label, log[:n], log[-n:] if len(log) > n else [], len(log))
    log.clear()


# A list's items die in its free (last first): a tuple holding a finalizer, then a
# finalizer; and the other way round.
box = [(Fin("inner"),), Fin("outer")]
del box
show("nested first:")
box = [Fin("outer"), (Fin("inner"),)]
del box
show("nested last:")

box = [Fin("a"), ([Fin("b"), (Fin("c"),)], Fin("d")), Fin("e")]
del box
show("mixed:")

# Weakly referenced objects inside a dict, a list and a tuple.
n1 = Node("n1")
n2 = Node("n2")
n3 = Node("n3")
refs = [weakref.ref(n, note(n.name)) for n in (n1, n2, n3)]
box = ({"k": [n1]}, n2, [(n3,)])
del n1, n2, n3
del box
show("weak:")

# An instance holding containers holding finalizers, beside other finalizers.
holder = Node("h")
holder.items = [Fin("h1"), {"x": (Fin("h2"),)}]
box = (Fin("before"), holder, Fin("after"))
del holder
del box
show("instance:")

# A set and a frozenset of tuples holding finalizers.
fins = [Fin(f"s{i}") for i in range(3)]
box = [{(f,) for f in fins[:2]}, frozenset([(fins[2],)])]
del fins
del box
print("set:", sorted(log), len(log))
log.clear()


def chain(depth, make):
    x = None
    for i in range(depth):
        x = make(i, x)
    return x


# Chains a few dozen deep (below CPython's trashcan depth of 50 nested frees).
for depth in (2, 10, 30, 47):
    x = chain(depth, lambda i, x: [Fin(i), x] if i % 5 == 0 else [x])
    del x
    show(f"{depth} list chain:")
    x = chain(depth, lambda i, x: (x, Fin(i)) if i % 5 == 0 else (x,))
    del x
    show(f"{depth} tuple chain:")
    x = chain(depth, lambda i, x: {"a": Fin(i), "n": x} if i % 5 == 0 else {"n": x})
    del x
    show(f"{depth} dict chain:")
for depth in (2, 10, 23):
    x = chain(depth, lambda i, x: [Fin(i), (x, Fin(-i))])
    del x
    show(f"{depth} two-level chain:")

# Blocks freed in a nested free are reused in the order they were freed.
t = ([1.5], [2.5])
ids = [id(t[0]), id(t[1])]
del t
a = [0]
b = [0]
print("list blocks reused:", sorted([id(a), id(b)]) == sorted(ids))
del a, b

# Long chains: a million tuples, lists, dicts, then alternating containers.
for make in (
    lambda i, x: (x, i),
    lambda i, x: [i, x],
    lambda i, x: {"n": x},
    lambda i, x: [x] if i % 3 == 0 else ((x,) if i % 3 == 1 else {i: x}),
):
    x = chain(1000000, make)
    del x
    print("long chain freed")
x = chain(1000, lambda i, x: [Fin(i), x] if i % 100 == 0 else [x])
del x
print("long chain with finalizers:", len(log))
log.clear()
