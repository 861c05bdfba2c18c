# str.join writes its result straight into the new str (kind and length first): every
# kind, one item, an empty result, errors, a list subclass with its own __iter__.
import sys
print(','.join(['a', 'bb', 'ccc']), '-'.join(('x',)), ''.join([]), 'é'.join(['a', 'b']), ''.join(['\u20ac', 'a', '\U0001f600']))
print(''.join(['', 'a']) == 'a', '..'.join('abc'), ''.join(x for x in 'xyz'), sys.getsizeof('é'.join(['a', 'b'])), sys.getsizeof(''.join(['\U0001f600', 'ab'])))
try:
    ','.join(['a', 1])
except TypeError as e:
    print(e)
try:
    ','.join(5)
except TypeError as e:
    print(e)
class L(list):
    def __iter__(self):
        return iter(['p', 'q'])
print(','.join(L(['a', 'b'])))
s = "é" * 3 + chr(0xd800)
print(ascii('|'.join([s, 'x'])), len('|'.join([s, 'x'])))
