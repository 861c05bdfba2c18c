# assorted semantics: exception context and state across yields, return values, PEP 479
import sys
def g():
    yield 1
    raise ValueError("v")
try:
    raise KeyError("k")
except KeyError:
    try:
        for x in g(): pass
    except ValueError as e:
        print(repr(e.__context__))
def r():
    try:
        yield 1
        return 5
    finally:
        print("fin")
print(list(r()))
def rf():
    try:
        yield 1
    finally:
        return 7
x = rf(); next(x)
try:
    next(x)
except StopIteration as e:
    print("value", e.value)
x = rf(); next(x)
print(x.close())
def exc_info_gen():
    yield sys.exc_info()[0]
try:
    raise KeyError
except KeyError:
    eg = exc_info_gen()
    print(next(eg))
print(next(exc_info_gen()))
def stop_in_gen():
    yield next(iter([]))
try:
    list(stop_in_gen())
except RuntimeError as e:
    print(e, type(e.__cause__).__name__, e.__suppress_context__)
print(list(x for x in range(3) if x != next(iter([]), None)))
g = (x for x in range(3))
def closure():
    v = 0
    def gen():
        nonlocal v
        while v < 3:
            v += 1
            yield v
    return gen
print(list(closure()()))
def send_none_started():
    x = yield 1
    yield x
s = send_none_started()
print(s.send(None), s.send(None))
def ret_tuple():
    return (1, 2)
    yield
try:
    next(ret_tuple())
except StopIteration as e:
    print(e.value, e.args)
def gen_in_gen():
    yield (y for y in range(2))
print([list(i) for i in gen_in_gen()])
try:
    next(iter(()))
except StopIteration as e:
    print(repr(e))
g = (i for i in range(2))
try:
    g.send(1)
except TypeError as e:
    print(e)
print(next(g), g.send(1))
