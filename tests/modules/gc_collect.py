import gc
print(gc.get_threshold(), gc.isenabled())
gc.collect()
print(gc.collect())
res = []
for n in [1, 10, 100]:
    i = 0
    while i < n:
        a = []
        b = [a]
        a += [b]
        i += 1
    del a, b
    res += [gc.collect()]
print(res)
res = []
for n in [1, 10, 100]:
    i = 0
    while i < n:
        a = []
        a += [a]
        i += 1
    del a
    res += [gc.collect()]
print(res)
res = []
for n in [1, 10, 100]:
    i = 0
    while i < n:
        a = {}
        b = {'a': a}
        a['b'] = b
        i += 1
    del a, b
    res += [gc.collect()]
print(res)
res = []
for n in [1, 10, 100]:
    i = 0
    while i < n:
        a = [1.5, 'x' * 50, (1, 2)]
        b = [a]
        a += [b]
        i += 1
    del a, b
    res += [gc.collect()]
print(res)
one = int('1')
print(gc.is_tracked(0), gc.is_tracked(12345), gc.is_tracked(1.5), gc.is_tracked('abc'), gc.is_tracked(None))
print(gc.is_tracked(()), gc.is_tracked((1, 2)), gc.is_tracked((one, 2)), gc.is_tracked(([], 1)))
print(gc.is_tracked([]), gc.is_tracked([1, 2]), gc.is_tracked({}), gc.is_tracked({'a': 1}), gc.is_tracked({'a': []}), gc.is_tracked({1: (one,)}), gc.is_tracked(dict(a=1)))
print(gc.is_tracked(set()), gc.is_tracked({1, 2}), gc.is_tracked(gc.collect))
t = (one, 2)
print(gc.is_tracked(t))
gc.collect()
print(gc.is_tracked(t))
d = {}
print(gc.is_tracked(d))
d['x'] = 1
print(gc.is_tracked(d))
d['y'] = []
print(gc.is_tracked(d))
del d['y']
print(gc.is_tracked(d))
gc.disable()
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
gc.disable()
a = []
a += [a]
del a
print(gc.collect())
gc.enable()
print(gc.garbage)
gc.collect()
print(gc.get_count())
st = gc.get_stats()
print(len(st), [k for k in st[0]])
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
print(gc.get_referents([1, 'a', None]))
print(gc.get_referents((1, 2), [3]))
print(gc.get_referents(1, 1.5, 'abc'))
print(gc.get_referents())
print(gc.get_referents({'a': 1, 'b': [2]}), gc.get_referents({1: 'x', 'k': 2}), gc.get_referents({5: 6}))
print(gc.collect(0), gc.collect(1), gc.collect(2), gc.collect(generation=1))
