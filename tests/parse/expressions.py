a if b else c
x or y or z
x and y and not z
a < b <= c == d != e > f >= g
a is b, a is not b, a in b, a not in b
a | b ^ c & d << e >> f + g - h * i / j // k % l @ m
-a, +b, ~c, not d
a ** b ** c, -a ** b, a ** -b
f(), f(a), f(a, b=1), f(*a, **k), f(a, *b, c=1, *d, **e)
f(x for x in y)
o.a.b.c
o[1], o[1, 2], o[1:2], o[::2], o[a:b:c], o[:, 1:], o[...]
[], [1, 2,], [*a, b], (), (1,), (1, 2), (*a, b), {}, {1: 2, **d}, {1, 2}, {*a}
[x for x in y], [x for x in y if x if z for w in x], {k: v for k, v in d}, {x for x in s}
(x for x in y)
(n := 10)
if (m := 5) > 3: pass
[y := 1, y ** 2]
...
None, True, False
f(a)(b)[c].d
