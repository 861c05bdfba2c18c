# collections.abc: ABCs with the built-in types registered, __subclasshook__,
# abstract methods and the mixin methods.
import collections.abc as cabc
from collections.abc import (ByteString, Callable, Collection, Container, Generator,
                             Hashable, ItemsView, Iterable, Iterator, KeysView,
                             Mapping, MappingView, MutableMapping, MutableSequence,
                             MutableSet, Reversible, Sequence, Set, Sized, ValuesView)

ABCS = [Hashable, Iterable, Iterator, Reversible, Generator, Sized, Container,
        Callable, Collection, Set, MutableSet, Mapping, MutableMapping, MappingView,
        KeysView, ItemsView, ValuesView, Sequence, MutableSequence, ByteString]


def gen():
    yield 1


class WithIter:
    def __iter__(self):
        return iter(())


class NoHash:
    __hash__ = None


class Callme:
    def __call__(self):
        pass


SAMPLES = [1, 1.5, True, None, "s", b"b", bytearray(b"x"), [], (), {}, set(),
           frozenset(), range(3), memoryview(b""), iter([]), iter(""), iter({}),
           iter(range(2)), reversed([]), zip(), {}.keys(), {}.values(), {}.items(),
           gen(), len, gen, WithIter(), NoHash(), Callme(), object, type.__dict__]
for x in SAMPLES:
    name = type(x).__name__
    print(f"{name:22}", "".join("X" if isinstance(x, a) else "." for a in ABCS))
print(" " * 22, " ".join(a.__name__[:4] for a in ABCS))

print(issubclass(WithIter, Iterable), issubclass(WithIter, Iterator),
      issubclass(NoHash, Hashable), issubclass(list, Hashable))
print(issubclass(bool, Hashable), issubclass(dict, MutableMapping), issubclass(dict, Collection))
for a in ABCS:
    print(a.__name__, sorted(a.__abstractmethods__), type(a).__name__)


class MyList(MutableSequence):
    def __init__(self, *items):
        self.items = list(items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __len__(self):
        return len(self.items)

    def insert(self, i, v):
        self.items.insert(i, v)

    def __repr__(self):
        return f"MyList{tuple(self.items)}"


m = MyList(3, 1, 2)
m.append(5)
m.extend([6, 7])
m.remove(1)
print(m, m.pop(), m.index(2), m.count(3), 5 in m, list(reversed(m)))
m += [9]
m.reverse()
print(m, isinstance(m, Sequence), isinstance(m, list), isinstance(m, Reversible))


class Half(Sequence):
    pass


try:
    Half()
except TypeError as e:
    print("TypeError:", e)


class Partial(MutableMapping):
    def __getitem__(self, k):
        raise KeyError(k)


try:
    Partial()
except TypeError as e:
    print("TypeError:", e)


class Bag(MutableSet):
    def __init__(self, it=()):
        self.d = {}
        for x in it:
            self.d[x] = None

    def __contains__(self, x):
        return x in self.d

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)

    def add(self, x):
        self.d[x] = None

    def discard(self, x):
        self.d.pop(x, None)

    def __repr__(self):
        return f"Bag({list(self.d)})"


b = Bag([1, 2, 3])
print(b & {2, 3, 4}, b | [4], b - {1}, b ^ {3, 4}, b <= {1, 2, 3, 4}, b == {1, 2, 3})
print(b.__and__(5), b.isdisjoint([7]), Bag([1])._hash() == Bag([1])._hash())
b |= {8}
b -= {1}
print(b, b.pop(), len(b))


class Frozen(Mapping):
    def __init__(self, **kw):
        self._d = kw

    def __getitem__(self, k):
        return self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


f = Frozen(a=1, b=2)
print(f.get("a"), f.get("z", 0), "b" in f, list(f.keys()), list(f.items()), list(f.values()))
print(f == {"a": 1, "b": 2}, f != {"a": 1}, isinstance(f.keys(), Set), f.keys() & {"a"})
print(Iterable[int], Container[str], MappingView[int])


class Hooked(Sized):
    def __len__(self):
        return 0


class HookedIter:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration


print(issubclass(Hooked, Sized), isinstance(HookedIter(), Iterator), issubclass(HookedIter, Iterable))
print(isinstance(Hooked(), Hashable))
