# The methods of bytes (bytearray shares them; see bytearray__methods).

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

s = b'hello world, hello bytes'
# searching
print(s.count(b'l'), s.count(b'hello'), s.count(b'l', 5), s.count(b'l', 5, 10), s.count(b''), s.count(108))
print(s.find(b'hello'), s.find(b'hello', 1), s.find(b'xyz'), s.find(b'o', -5), s.find(111), s.find(b'', 100))
print(s.rfind(b'hello'), s.rfind(b'l', 0, 5), s.rfind(b'z'), s.rfind(b''), s.rfind(104))
print(s.index(b'world'), s.rindex(b'o'), s.index(32))
t(lambda: s.index(b'zzz'))
t(lambda: s.rindex(b'zzz', 0, 3))
print(s.startswith(b'hello'), s.startswith(b'world', 6), s.startswith((b'x', b'he')), s.endswith(b'bytes'), s.endswith(b'hello', 0, 5), s.endswith(()))
print(b'l' in s, b'hello w' in s, 108 in s, 0 in s, b'' in s, bytearray(b'by') in s, memoryview(b'wor') in s)
t(lambda: s.find('l'))
t(lambda: s.find(300))
t(lambda: s.startswith('h'))
t(lambda: s.startswith(['h']))
t(lambda: 'h' in s)
t(lambda: s.find())

# splitting and joining
print(b'a,b,,c'.split(b','), b'a,b,,c'.split(b',', 1), b'a,b,,c'.rsplit(b',', 1), b'a::b::c'.split(b'::'))
print(b'  a b\tc\n d  '.split(), b'  a b\tc\n d  '.split(None, 2), b'  a b  '.rsplit(maxsplit=1), b''.split(), b'   '.split())
print(b'x'.split(b'x'), b'abc'.split(sep=b'b'), b'a\x1cb'.split())
print(b'one\ntwo\r\nthree\rfour'.splitlines(), b'one\ntwo\r\n'.splitlines(True), b'one\ntwo\r\n'.splitlines(keepends=True), b''.splitlines())
print(b', '.join([b'a', bytearray(b'b'), memoryview(b'c')]), b''.join([]), b'-'.join((b'x',)), b'.'.join(iter([b'1', b'2'])))
print(b'key=value=x'.partition(b'='), b'novalue'.partition(b'='), b'key=value=x'.rpartition(b'='), b'novalue'.rpartition(b'='))
t(lambda: b'a b'.split(b''))
t(lambda: b'a b'.split('a'))
t(lambda: b'a'.partition(b''))
t(lambda: b','.join([b'a', 'b']))
t(lambda: b','.join(5))

# stripping, replacing
print(b'  pad\t\n'.strip(), b'  pad  '.lstrip(), b'  pad  '.rstrip(), b'xxpadyx'.strip(b'xy'), b'abc'.strip(b''), b'abc'.strip(None))
print(b'aaa'.replace(b'a', b'bb'), b'aaa'.replace(b'a', b'', 2), b'abc'.replace(b'', b'-'), b'abc'.replace(b'', b'-', 2), b'abc'.replace(b'x', b'y'))
print(b'prefix_name'.removeprefix(b'prefix_'), b'name.txt'.removesuffix(b'.txt'), b'abc'.removeprefix(b'x'))
t(lambda: b'abc'.strip('a'))
t(lambda: b'abc'.replace('a', b'b'))

# case and classification (ASCII only)
print(b'Hello World 1'.lower(), b'Hello World 1'.upper(), b'Hello World'.swapcase(), b'hELLO wORLD'.capitalize(), b'hello world-foo bar2baz'.title())
print(b'\xe9t\xe9'.upper(), b'\xc9T\xc9'.lower())
for v in [b'', b'abc', b'ABC', b'aBc', b'123', b'abc123', b' \t\n', b'Title Case', b'Not title', b'\x80', b'a b']:
    print(v, v.isalnum(), v.isalpha(), v.isascii(), v.isdigit(), v.islower(), v.isspace(), v.istitle(), v.isupper())

# padding
print(b'abc'.center(9), b'abc'.center(8, b'*'), b'ab'.center(5, b'*'), b'abc'.ljust(6, b'.'), b'abc'.rjust(6), b'abc'.center(2))
print(b'42'.zfill(5), b'-42'.zfill(5), b'+42'.zfill(2), b''.zfill(3), b'a\tb\tc'.expandtabs(), b'a\tb\nc\td'.expandtabs(4), b'\t'.expandtabs(0))
t(lambda: b'abc'.center(10, 'x'))
t(lambda: b'abc'.center(10, b'xy'))
t(lambda: b'abc'.ljust('a'))

# hex, fromhex, translate, maketrans
print(b'\x00\xffabc'.hex(), b'abcdef'.hex(':'), b'abcdef'.hex(b'-', 2), b'abcde'.hex(' ', -2), b''.hex(), bytes.fromhex('de ad be ef'), bytes.fromhex(''))
t(lambda: bytes.fromhex('abc'))
t(lambda: bytes.fromhex('zz'))
t(lambda: bytes.fromhex(b'00'))
t(lambda: b'ab'.hex('::'))
t(lambda: b'ab'.hex('\xe9'))
table = bytes.maketrans(b'abc', b'xyz')
print(len(table), table[97:100], b'aabbcc'.translate(table), b'hello'.translate(None, b'l'), b'hello'.translate(table, b'h'))
t(lambda: bytes.maketrans(b'ab', b'c'))
t(lambda: b'x'.translate(b'short'))

# a bytes method returns the same object when nothing changes
s2 = b'unchanged'
print(s2.strip() is s2, s2.replace(b'z', b'y') is s2, s2.ljust(3) is s2, s2[:] is s2, s2 * 1 is s2, (s2 + b'') is s2)
