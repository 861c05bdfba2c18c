x = 1
a = b = c = 2
a, b = b, a
[a, *b] = c
(a, b), c = d
x.y = 1
x[0] = 2
x[1:2] = y
x += 1
x.y -= 2
x[0] *= 3
x //= 4; x **= 5; x @= m; x |= 1; x ^= 2; x &= 3; x <<= 1; x >>= 1; x %= 7; x /= 2
y: int = 5
z: list
(w): int = 1
del x, y[0], z.a
del (a, b)
pass
assert x, "msg"
assert y
global g1, g2
import math
import os.path as p, sys
from . import a as b
from ..pkg.mod import (c, d as e,)
from m import *
raise
raise E
raise E("x") from None
if a:
    pass
elif b:
    pass
elif c:
    x = 1
else:
    pass
while x:
    break
else:
    continue_ = 1
for i, j in pairs:
    continue
else:
    pass
for *a, b in c: pass
try:
    pass
except ValueError as e:
    pass
except (A, B):
    pass
except:
    pass
else:
    pass
finally:
    pass
try:
    x
finally:
    y
with a as b, c, d as (e, f):
    pass
x = 1;
