# an unfinished generator that is freed is closed: its finally blocks run then
def f(tag):
    try:
        yield 1
        yield 2
    finally:
        print("finally", tag)


g = f("del")
next(g)
del g
print("after del")
for x in f("break"):
    break
print("after loop")


def h():
    for x in f("return"):
        return x


print(h())
g = f("rebind")
next(g)
g = None
print("after rebind")
g = f("never started")
del g
print("not started: nothing ran")


def catches():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise


c = catches()
next(c)
del c


def inner():
    try:
        yield "inner"
    finally:
        print("inner finally")


def outer():
    yield from inner()


o = outer()
print(next(o))
del o
print("after outer")


def nested():
    try:
        yield 1
    finally:
        g2 = f("nested")
        next(g2)
        print("nested finally")


n = nested()
next(n)
del n
print("after nested")
l = [f(i) for i in range(3)]
for g in l:
    next(g)
del g
l.clear()
print("cleared")
print(sorted(f("sorted")))
print("done")
