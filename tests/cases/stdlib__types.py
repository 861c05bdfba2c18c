# types: SimpleNamespace, ModuleType, MethodType, the function / generator / code /
# cell types, new_class, prepare_class, resolve_bases, DynamicClassAttribute.
import types
import sys

ns = types.SimpleNamespace(a=1, b="x")
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="x"), ns != types.SimpleNamespace(a=2))
ns.c = [1]
del ns.a
print(ns, sorted(vars(ns)))
class P(types.SimpleNamespace):
    pass
print(P(z=1), type(sys.implementation) is types.SimpleNamespace, types.SimpleNamespace())
try:
    types.SimpleNamespace(1)
except TypeError as e:
    print("TypeError:", e)
r = types.SimpleNamespace()
r.me = r
print(r)

m = types.ModuleType("made", "its doc")
print(m, m.__doc__, m.__name__, m.__spec__, m.__package__, type(m) is type(sys))
m.x = 1
print(m.x, sorted(k for k in vars(m)))
print(types.ModuleType("nodoc").__doc__)

def f():
    pass
def g():
    yield 1
class K:
    def m(self):
        return self
print(types.FunctionType, types.LambdaType is types.FunctionType, types.CodeType, types.CellType)
print(types.GeneratorType, types.MethodType, types.ModuleType, types.BuiltinFunctionType)
print(types.BuiltinMethodType, types.TracebackType, types.NoneType, types.NotImplementedType, types.EllipsisType)
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance(g(), types.GeneratorType))
print(isinstance(f.__code__, types.CodeType), isinstance(K().m, types.MethodType))
k = K()
bound = types.MethodType(f, k)
print(bound.__self__ is k, bound.__func__ is f)
bm = types.MethodType(lambda self, x: (self, x), k)
print(bm(5)[1], bm(5)[0] is k)
try:
    types.MethodType(1, k)
except TypeError as e:
    print("TypeError:", e)

C = types.new_class("C", (object,), {}, lambda ns: ns.update(x=1, y=lambda self: 2))
print(C.__name__, C.x, C().y(), C.__mro__)
D = types.new_class("D", (C,))
print(D.__bases__, D.x)
print(types.resolve_bases((int, str)), types.prepare_class("B"), types.prepare_class("B", (int,)))


class Entries:
    def __mro_entries__(self, bases):
        return (dict,)


print(types.resolve_bases((Entries(), int)))
E = types.new_class("E", (Entries(),))
print(E.__bases__, E.__orig_bases__[0].__class__.__name__)


class Color:
    def __init__(self):
        self._name = "red"

    @types.DynamicClassAttribute
    def name(self):
        return self._name


print(Color().name)
try:
    Color.name
except AttributeError:
    print("AttributeError on the class")
