# Class statements, compiler side: class-local names, LOAD_CLASSDEREF, the implicit
# __class__ cell, private name mangling, qualnames, decorators, global/nonlocal in
# class bodies, names invisible to methods, __build_class__ missing.
def f():
    y = 1
    z = 10
    class A:
        print("classderef", y)
        z = 3
        def m(self):
            return z, __class__.__name__
        def __p(self):
            return "private"
        def call(self):
            return self.__p()
    return A
A = f()
a = A()
print(A.__qualname__, A.m.__qualname__, A.__module__, a.m(), a.call(), hasattr(a, "_A__p"))
class B:
    "doc of B"
    x: int = 3
    __slots__ = ()
print(B.__doc__, B.__annotations__, B.__qualname__)
def deco(c):
    c.tag = "decorated"
    return c
@deco
class C(B):
    def who(self):
        return super().__class__.__name__
print(C.tag, C().who(), C.__mro__)
class D:
    def g(self):
        class E:
            def h(self): pass
        return E
print(D().g().__qualname__, D().g().h.__qualname__)
class Outer:
    class Inner:
        def m(self): pass
print(Outer.Inner.m.__qualname__)
x = "global x"
class G:
    x = "class x"
    def m(self):
        return x
    lam = lambda self: x
    comp = [x for _ in range(1)]
print(G().m(), G().lam(), G.comp)
class H:
    global gg
    gg = 5
print(gg, hasattr(H, "gg"))
def k():
    v = 1
    class K:
        nonlocal v
        v = 2
    return v
print(k())
def cd():
    a = "cell"
    class L:
        a = "ns"
        print(a)
    class M:
        print(a)
cd()
def f():
    class A:
        try:
            print(y)
        except NameError as e:
            print("NameError:", e)
    y = 1
f()
import builtins
bc = builtins.__build_class__
del builtins.__build_class__
try:
    class Z:
        pass
except NameError as e:
    print("NameError:", e)
builtins.__build_class__ = bc
class Z:
    pass
print(Z.__name__)


# A class body reading an outer __class__ while its own methods need their own.
class A:
    def m(self):
        class B:
            outer = __class__
            def g(self):
                return __class__
        return B
B = A().m()
print(B.outer.__name__, B().g().__name__, B.__qualname__)
