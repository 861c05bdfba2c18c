# bytes literals: every prefix, the escapes, concatenation, reprs and sizes.
import sys

print(b'abc', B'abc', rb'a\nb', br'a\nb', Rb'\x41', bR'\x41', RB'\t', BR'\t')
print(b"double", b'''triple
quoted''', b"""also
triple""")
print(b'\x41\x42\x7f\x80\xff', b'\101\7\07\007\1234', b'\0', b'\777')
print(b'\n\r\t\a\b\f\v\\\'\"', len(b'\n\r\t\a\b\f\v\\\'\"'))
print(b'\q \u0041 \N{DASH}', len(b'\u0041'))
print(b'line \
continued')
print(b'adjacent' b' literals' rb' \raw', b'a' B'b' br'\c')
print(b'', b'' b'', len(b''))
x = (b'one'
     b'two')
print(x, type(x), type(x).__name__)

# reprs: the quote is chosen by what the bytes hold
print(repr(b"it's"), repr(b'say "hi"'), repr(b'both \' and "'), repr(b'\\'))
print(repr(bytes(range(0, 256, 15))))
print([b'\x00', b'\x1f', b' ', b'~', b'\x7f'])
print(str(b'abc'), ascii(b'\xe9'), f'{b"fmt"}', f'{b"x"!r}', format(b'q'))

# literals are constants: equal ones are one object in a compilation unit
def f():
    return b'same bytes'
def g():
    return b'same bytes'
print(f() is f(), f() == g(), b'ab' + b'cd' == b'abcd', b'ab' * 3)

# one-byte and empty bytes are shared
print(b'' is bytes(), bytes([97]) is b'a', b'abc'[0:1] is b'a', bytes(1) is b'\x00')

# sizes: 33 bytes plus one per byte (the header, the cached hash, the NUL)
for v in [b'', b'a', b'hello', b'x' * 100, bytes(1000)]:
    print(len(v), sys.getsizeof(v))
