# iter(range): a range_iterator when start, step and length fit in a machine word,
# else a longrange_iterator; both give the same items. And a function's __module__
# is the __name__ of the globals it was made in (None without one).
for r in (range(5), range(-3, 10, 4), range(10, -10, -7), range(2**62, 2**62 + 3),
          range(-2**63, -2**63 + 2), range(2**63 - 2, 2**63 - 1), range(2**63, 2**63 + 2),
          range(0, 2**64, 2**63), range(-2**64, 0, 2**63), range(0, 3, 2**70), range(True, 4)):
    it = iter(r)
    print(type(it).__name__, list(it), list(r)[:3], sum(x for x in r) if len(r) < 10 else len(r))


def f():
    pass


print(f.__module__, (lambda: 0).__module__, [g.__name__ for g in [(x for x in ())]])
g = {'__name__': 'mod'}
exec("def h(): pass\nk = (lambda: 1)", g)
print(g['h'].__module__, g['k'].__module__)
g2 = {}
exec("def h(): pass", g2)
print(g2['h'].__module__)
g3 = {'__name__': 42}
exec("def h(): pass", g3)
print(g3['h'].__module__)
