# str.replace, upper and lower of ASCII text write straight into the new str: results,
# sizes, identities and subclasses as python3's.
import sys
class S(str):
    pass
cases = [('hello world', 'o', '0', -1), ('hello world', 'o', '00', 1), ('aaaa', 'aa', 'b', -1), ('aaaa', 'a', '', -1),
         ('abc', 'x', 'y', -1), ('abc', 'abc', 'z', -1), ('abc', 'abc', '', -1), ('abcabc', 'bc', 'é', -1), ('ab', 'b', 'b', -1),
         ('item-1 item-2', 'item', 'thing', -1), ('xx', 'x', 'yy', 0), ('xyx', 'x', 'zz', 5), ('é-é', '-', '+', -1), ('ab', 'a', '', -1)]
for s, o, n, c in cases:
    r = s.replace(o, n, c)
    print(repr(r), sys.getsizeof(r), r is s, type(S(s).replace(o, n, c)).__name__, S(s).replace(o, n, c))
for s in ['abc', 'ABC', 'MiXeD 123!', 'a', 'é', 'ßa', '', 'xY']:
    print(repr(s.upper()), repr(s.lower()), sys.getsizeof(s.upper()), type(S(s).upper()).__name__, S(s).lower())
try:
    'ab'.upper(1)
except TypeError as e:
    print(e)
