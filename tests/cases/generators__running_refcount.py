# A running generator's reference count as the generator itself sees it: a for
# loop's iterator and a `yield from`'s receiver hold one reference each (the
# resumer's), not one more for the running frame.
import sys


def counts():
    yield sys.getrefcount(it)
    yield sys.getrefcount(it)


it = counts()
for x in it:
    print("for", x)

it = counts()
print("list comprehension", [x for x in it])


def outer():
    r = yield from it
    print("returned", r)


it = counts()
for x in outer():
    print("yield from", x)


def nested():
    yield sys.getrefcount(it)
    for y in inner():
        yield y


def inner():
    yield sys.getrefcount(it)


it = nested()
print("nested", list(x for x in it))
