# __mro_entries__: a non-class base supplies the real bases; __orig_bases__ records
# what the class statement said.
class Alias:
    def __init__(self, *targets):
        self.targets = targets

    def __mro_entries__(self, bases):
        print("__mro_entries__ with", len(bases), "bases")
        return self.targets


class Real:
    def who(self):
        return "Real"


class Other:
    pass


class C(Alias(Real)):
    pass


print([k.__name__ for k in C.__mro__], C().who())
print(type(C.__orig_bases__[0]).__name__, C.__bases__ == (Real,))


class D(Other, Alias(Real, int)):
    pass


print([k.__name__ for k in D.__mro__], len(D.__orig_bases__))


class E(Alias()):       # may return no bases at all
    pass


print(E.__bases__, E.__mro__[-1].__name__)
print("__orig_bases__" in C.__dict__, "__orig_bases__" in Real.__dict__)
try:
    type("T", (Alias(Real),), {})
except TypeError as e:
    print(type(e).__name__, e)


class BadEntries:
    def __mro_entries__(self, bases):
        return [Real]


try:
    class F(BadEntries()):
        pass
except TypeError as e:
    print(type(e).__name__, e)


class NoEntries:
    pass


try:
    class G(NoEntries()):
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(list[int].__mro_entries__((list[int],)))


class H(list[int]):
    pass


print(H.__bases__, H.__orig_bases__, H([1, 2]))
