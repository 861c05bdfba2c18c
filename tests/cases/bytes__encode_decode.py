# str.encode and bytes.decode: utf-8, ascii, latin-1 and their aliases, the error
# handlers, and CPython's UnicodeEncodeError / UnicodeDecodeError.

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

text = 'héllo wörld €100 😀'
for enc in ['utf-8', 'UTF8', 'utf_8', 'u8', 'latin-1', 'latin1', 'iso-8859-1', 'L1', 'ascii', 'us-ascii', '646']:
    t(lambda: text.encode(enc))
print('abc'.encode(), 'abc'.encode('ascii'), ''.encode(), 'é'.encode(encoding='latin-1'), '€'.encode('utf-8', errors='strict'))

# error handlers, encoding
for errors in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'surrogateescape']:
    t(lambda: text.encode('ascii', errors))
    t(lambda: text.encode('latin-1', errors))
t(lambda: 'abc'.encode('ascii', 'no-such-handler'))
t(lambda: 'é'.encode('ascii', 'no-such-handler'))
t(lambda: 'x'.encode('no-such-codec'))
t(lambda: 'x'.encode(5))
t(lambda: 'x'.encode('ascii', 5))
t(lambda: 'x'.encode(bogus=1))

# decoding
data = text.encode()
print(data.decode(), data.decode('utf-8') == text, b'caf\xe9'.decode('latin-1'), b'plain'.decode('ascii'))
print(bytearray(data).decode(), memoryview(b'view').tobytes().decode(), str(data, 'utf-8') == text, str(b'\xe9', 'latin1'))
bad = b'ok \xff \xe2\x82 end \xc3'
for errors in ['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape']:
    t(lambda: bad.decode('utf-8', errors))
    t(lambda: bad.decode('ascii', errors))
t(lambda: b'\xff'.decode('utf-8', 'no-such-handler'))
t(lambda: b'fine'.decode('utf-8', 'no-such-handler'))
t(lambda: b'x'.decode('no-such-codec'))
t(lambda: b'x'.decode(errors='ignore', encoding='ascii'))

# the ranges CPython reports for bad UTF-8
for b in [b'\xff', b'\x80abc', b'a\xe2\x82', b'\xe2\x28\xa1', b'\xe2\x82\x28', b'\xed\xa0\x80', b'\xc0\x80', b'\xf4\x90\x80\x80', b'\xf0\x9f\x98']:
    t(lambda: b.decode())

# surrogateescape round trip
raw = b'name-\xff\xfe.txt'
s = raw.decode('utf-8', 'surrogateescape')
print(len(s), s.encode('utf-8', 'surrogateescape') == raw, ascii(s))
t(lambda: s.encode())
t(lambda: s.encode('ascii'))

# the exception objects
try:
    b'abc\xffdef'.decode('utf-8')
except UnicodeDecodeError as e:
    print(type(e).__name__, e.encoding, e.object, e.start, e.end, e.reason, e.args)
    print(isinstance(e, UnicodeError), isinstance(e, ValueError), str(e))
try:
    'a€b€'.encode('latin-1')
except UnicodeEncodeError as e:
    print(type(e).__name__, e.encoding, e.object, e.start, e.end, e.reason, e.args)
    print(str(e))
e = UnicodeDecodeError('utf-8', b'\x80\x81', 0, 2, 'custom reason')
print(str(e), e.args)

# the last one is not caught: a traceback
b'\x80'.decode()
