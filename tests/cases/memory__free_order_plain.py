# Which freed block comes back first when a container dies holding strs (objects
# that let go of nothing) beside containers: the order of frees is CPython's
# (a list lets go of its items from the last, each with all that dies with it).


def names_of(old, new):
    where = {i: name for name, i in old.items()}
    return [where.get(i, "?") for i in new]


def shape_a(c):
    s1, s2, s3 = c * 20, c * 20, c * 20
    old = {"s1": id(s1), "s2": id(s2), "s3": id(s3)}
    box = [s1, (s2,), s3]
    del s1, s2, s3
    del box
    n1 = c * 20
    n2 = c * 20
    n3 = c * 20
    return names_of(old, [id(n1), id(n2), id(n3)])


def shape_b(c):
    s1, s2, s3, s4 = c * 20, c * 20, c * 20, c * 20
    old = {"s1": id(s1), "s2": id(s2), "s3": id(s3), "s4": id(s4)}
    box = [(s1, [s2]), s3, [s4]]
    del s1, s2, s3, s4
    del box
    n1 = c * 20
    n2 = c * 20
    n3 = c * 20
    n4 = c * 20
    return names_of(old, [id(n1), id(n2), id(n3), id(n4)])


def shape_c(c):
    many = [c * 20 for _ in range(1000)]
    old = {f"s{k}": id(s) for k, s in enumerate(many)}
    del many
    fresh = [c * 20 for _ in range(5)]
    return names_of(old, [id(s) for s in fresh])


for f in (shape_a, shape_b, shape_c):
    print(f.__name__, f("q"))
