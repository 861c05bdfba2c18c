# str.split / rsplit build their list as CPython does (room for 12, then list.append's
# growth), so sys.getsizeof of the result is CPython's; pieces and identities too.
import sys
cases = ['a,b,c', 'a,'*1000, '', ',', 'abc', 'a,b,c,d,e,f,g,h,i,j,k,l,m', 'a,b,c,d,e,f,g,h,i,j,k,l', 'a,b,c,d,e,f,g,h,i,j,k']
for c in cases:
    for ms in (-1, 0, 1, 5, 11, 12, 13, 100):
        a = c.split(',', ms); b = c.rsplit(',', ms)
        w = c.replace(',', ' ').split(None, ms); x = c.replace(',', '  ').rsplit(None, ms)
        print(len(c), ms, len(a), sys.getsizeof(a), len(b), sys.getsizeof(b), sys.getsizeof(w), sys.getsizeof(x), a[:3], b[-3:], w[:2], x[-2:])
s = 'xyz'
print(s.split(',')[0] is s, s.rsplit()[0] is s, ''.split(), sys.getsizeof(''.split()), sys.getsizeof(' '.split()))
try:
    'a'.split('')
except ValueError as e:
    print(e)
try:
    'a'.rsplit('')
except ValueError as e:
    print(e)


class S(str):
    pass


for r in (S('ab').split(','), S('ab').split('abc'), S('a b').split(), S('x').rsplit('yy')):
    print(r, [type(p).__name__ for p in r], sys.getsizeof(r))
