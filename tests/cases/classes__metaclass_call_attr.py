# A metaclass whose __call__ is not a function: slot_tp_call binds it as a
# descriptor, so a class stored there is called without the instance.
class ToDict(type):
    __call__ = dict

class Rec(metaclass=ToDict):
    pass

r = Rec(a=1, b=2)
print(type(r).__name__, r)

class Adder:
    def __get__(self, obj, owner):
        return lambda *a, **k: ("bound to", type(obj).__name__, a, k)

class Meta2(type):
    __call__ = Adder()

class C(metaclass=Meta2):
    pass
print(C(1, x=2))

class Plain:
    __call__ = staticmethod(lambda *a: ("static", a))
print(Plain()(1, 2))
