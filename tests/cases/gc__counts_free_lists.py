# gc.get_count()[0] moves by one for every GC object allocated or freed, except when
# the object comes from or goes to a free list (list 80, dict 80, tuple per length).
# For each kind: empty the free list by keeping 300 objects, then allocate 100, free
# them, allocate 100 again, printing the change of the generation-0 count each time.
# Temporaries count too: the one-item list of `[None] * 100` goes to the list free
# list and the first `[]` takes it back (+99), and each gc.get_count() result is a
# 3-tuple, new when the 3-tuple free list is empty (the +1 of "(one, 2, 3)").
import gc

gc.collect()
gc.disable()


class A:
    pass


class S:
    __slots__ = ("a",)


class K:
    def m(self):
        return 0


k = K()
one = int("1")
# gc.collect() above emptied the free lists, and what refilled the 3-tuple list since
# is the interpreter's business (python3's class creation frees an argument tuple);
# one get_count() result, made and freed, puts a 3-tuple there in both.
gc.get_count()


def counts(make):
    drain = [None] * 300
    for i in range(300):
        drain[i] = make()
    keep = [None] * 100
    c0 = gc.get_count()[0]
    for i in range(100):
        keep[i] = make()
    c1 = gc.get_count()[0]
    for i in range(100):
        keep[i] = None
    c2 = gc.get_count()[0]
    for i in range(100):
        keep[i] = make()
    c3 = gc.get_count()[0]
    for i in range(100):
        keep[i] = None
    del drain
    return c1 - c0, c2 - c1, c3 - c2


def instance_with_dict():
    a = A()
    a.__dict__
    return a


for label, make in (("[]", lambda: []),
                    ("{}", lambda: {}),
                    ("{'a': 1}", lambda: {"a": 1}),
                    ("set()", lambda: set()),
                    ("(one, 2)", lambda: (one, 2)),
                    ("(one, 2, 3)", lambda: (one, 2, 3)),
                    ("A()", A),
                    ("S()", S),
                    ("A() with __dict__", instance_with_dict),
                    ("lambda: 0", lambda: (lambda: 0)),
                    ("bound method", lambda: k.m),
                    ("iter([])", lambda: iter([])),
                    ("object()", object),
                    ("int('123456')", lambda: int("123456")),
                    ("one + 0.5", lambda: one + 0.5),
                    ("str(123456)", lambda: str(123456))):
    print(f"{label:18}", "alloc %+d, free %+d, alloc again %+d" % counts(make))
# the count after a collection (which empties the free lists), and what get_count
# sees of a cycle; printed at the end, as print itself allocates in python3
gc.collect()
after = gc.get_count()      # a fresh 3-tuple: the 3-tuple free list was emptied
x = []                      # a fresh list, likewise
x.append(x)
cycle = gc.get_count()[0]   # `after` still holds the first 3-tuple: another fresh one
del x
dropped = gc.get_count()[0]  # a parked 3-tuple: no change
found = gc.collect()
print(after, cycle, dropped, found, gc.get_count())
gc.enable()
