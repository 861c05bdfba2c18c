x = 10
print(eval('x + 1'), eval('  x * 2'), eval('y', {'y': 5}), eval('x', {'x': 1}, {'x': 2}))
g = {}
exec('a = 1\nb = a + 1', g)
print(type(g['__builtins__']).__name__, sorted(k for k in g if k != '__builtins__'))
exec('z = x + 100')
print(z)
def f():
    q = 3
    exec('w = q + 1')
    print(sorted(locals()))
    loc = {}
    exec('w = x + 1', globals(), loc)
    print(loc)
    return eval('q * 2')
print(f())
class M:
    def __init__(self): self.d = {}
    def __getitem__(self, k):
        print('get', k); return self.d[k]
    def __setitem__(self, k, v):
        print('set', k, v); self.d[k] = v
    def __delitem__(self, k):
        print('del', k); del self.d[k]
m = M()
exec('v = 5\nprint(v)\ndel v\nprint(len)', {}, m)
print(eval('abs(-3) + v2', {}, {'v2': 1}))
c = compile('1 + 2', '<e>', 'eval')
print(eval(c), type(c).__name__)
c = compile('r = 7', '<x>', 'exec')
exec(c)
print(r)
c = compile('5 * 5', '<s>', 'single')
exec(c)
try:
    compile('def f(:', '<x>', 'exec')
except SyntaxError as e:
    print(repr(e), e.args, e.msg, e.lineno, e.offset, repr(e.text), e.filename, e.end_lineno, e.end_offset, str(e))
try:
    eval('1 +')
except SyntaxError as e:
    print(e)
try:
    exec('if x:\nprint(1)')
except IndentationError as e:
    print(type(e).__name__, e)
e = SyntaxError('bad thing', ('f.py', 3, 4, 'some text', 3, 6))
print(e, e.filename, e.lineno, e.text, e.args)
print(SyntaxError('m').lineno, str(SyntaxError('m')))
for bad in [lambda: eval(1), lambda: exec('x', []), lambda: exec('x', {}, 1), lambda: eval('x', []),
            lambda: eval('x', {}, 1), lambda: compile('x', 'f', 'bad'), lambda: compile(1, 'f', 'exec'),
            lambda: exec(1), lambda: compile('x\0', 'f', 'exec'), lambda: eval('(' * 300 + ')' * 300)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
def g2():
    a = 1
    def inner():
        return a
    return inner
try:
    exec(g2().__code__)
except TypeError as e:
    print(e)
print(globals() is globals(), locals() is globals(), vars() is globals())
def h(a, b=2):
    c = a + b
    return locals(), vars()
print(h(1))
class K:
    p = 1
    print(sorted(locals()))
    print(sorted(vars()))
print(vars(K)['p'])
try:
    vars(1)
except TypeError as e:
    print(e)
exec('def fn(n):\n    return n * 2')
print(fn(21))
exec("try:\n    1/0\nexcept ZeroDivisionError as e:\n    print('caught in exec', e)")
