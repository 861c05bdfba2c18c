# Which metaclass a class gets when bases have different metaclasses, and the
# metaclass conflict error.
class M1(type):
    pass


class M2(type):
    pass


class M3(M1, M2):
    pass


class A(metaclass=M1):
    pass


class B(metaclass=M2):
    pass


class Sub(metaclass=M3):
    pass


try:
    class AB(A, B):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Explicit(A, metaclass=M2):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("T", (A, B), {})
except TypeError as e:
    print(type(e).__name__, e)


class AB3(A, B, metaclass=M3):
    pass


print(type(AB3).__name__)


class AS(A, Sub):        # M3 is a subclass of M1: the most derived wins
    pass


print(type(AS).__name__)


class Plain(A, metaclass=type):   # an explicit type loses to the bases' M1
    pass


print(type(Plain).__name__)


class Mixed(int, A):
    pass


print(type(Mixed).__name__, Mixed(3) + 1)
try:
    class Layout(int, str):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Dup(A, A):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class NotAType(1):
        pass
except TypeError as e:
    print(type(e).__name__, e)
# The uncaught one: the full traceback is compared
class Conflict(A, B):
    pass
