# The with statement: __enter__/__exit__, as-targets, exceptions, suppression, flow.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print("exit", self.name, "clean", exc, tb)
        else:
            print("exit", self.name, exc_type.__name__, exc, type(tb).__name__)
        return self.suppress


with CM("a") as v:
    print("body", v)
with CM("b"):
    print("no target")
with CM("c", suppress=True):
    raise ValueError("swallowed")
print("after suppression")
try:
    with CM("d"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))
with CM("outer") as o, CM("inner", suppress=True) as i:
    print("both", o, i)
    1 / 0
print("inner suppressed, outer saw a clean exit")
with CM("n1"):
    with CM("n2"):
        print("nested")


def early():
    with CM("ret"):
        return "returned"


print(early())
for k in range(3):
    with CM(f"loop{k}"):
        if k == 0:
            continue
        if k == 1:
            break
print("loop done", k)


class Self:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        print("exit args", args)


with Self() as s:
    print(type(s).__name__)
with CM("pair") as (first, *others):
    print(first, others)
store = {}
with CM("key") as store["x"]:
    pass
print(store)


class Truthy:
    def __enter__(self):
        pass

    def __exit__(self, *a):
        return "yes"             # any true value suppresses


with Truthy():
    raise RuntimeError
print("truthy return suppressed")


class NoExit:
    def __enter__(self):
        return 1


class NoEnter:
    def __exit__(self, *a):
        pass


for obj in (NoExit(), NoEnter()):
    try:
        with obj:
            print("not reached")
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)


class Replace:
    def __enter__(self):
        return self

    def __exit__(self, t, e, tb):
        raise TypeError("from __exit__")


try:
    with Replace():
        raise ValueError("original")
except TypeError as e:
    print(e, "| context:", repr(e.__context__))
