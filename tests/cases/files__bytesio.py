import io

b = io.BytesIO(b'abc\ndef\nghi')
print(type(b).__name__, b.closed, b.readable(), b.writable(), b.seekable(), b.isatty())
print(b.read(2), b.read1(), b.seek(0), b.readline(), b.readline(2), b.readlines())
print(b.seek(0), list(b), b.tell())
print(b.seek(-100, 1), b.seek(-2, 2), b.read(), b.seek(20), b.write(b'Z'), b.tell())
print(b.getvalue())
print(b.truncate(3), b.tell(), b.getvalue())
print(b.write(memoryview(b'qq')), len(b.getvalue()))
b.seek(0)
buf = bytearray(5)
print(b.readinto(buf), buf, b.read(-5)[:3], b.read(None))
c = io.BytesIO()
print(c.write(b'hello'), c.write(bytearray(b' ')), c.getvalue(), c.tell(), c.read())
c.seek(1)
print(c.write(b'EL'), c.getvalue(), c.truncate(), c.getvalue())
c.writelines([b'1', b'2'])
print(c.getvalue(), c.readlines(1))
print(io.BytesIO(initial_bytes=b'k').read(), io.BytesIO(None).read(), io.BytesIO(bytearray(b'ba')).read())


def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, repr(r))


attempt('str init', lambda: io.BytesIO('s'))
attempt('write str', lambda: c.write('x'))
attempt('write none', lambda: c.write())
attempt('seek neg', lambda: c.seek(-1))
attempt('whence', lambda: c.seek(0, 3))
attempt('seek float', lambda: c.seek(1.0))
attempt('truncate neg', lambda: c.truncate(-1))
attempt('read str', lambda: c.read('x'))
attempt('readinto bytes', lambda: c.readinto(b'xx'))
with io.BytesIO(b'ctx') as d:
    print(d.read())
print(d.closed)
for name in ['read', 'write', 'getvalue', 'tell', 'seek', 'readable', 'isatty', 'flush',
             'truncate', 'readline', 'writelines', '__enter__', 'iter']:
    fn = {'write': lambda: d.write(b''), 'seek': lambda: d.seek(0),
          'writelines': lambda: d.writelines([]), 'iter': lambda: type(iter(d)).__name__}.get(name, getattr(d, name, None))
    attempt(name, fn)
d.close()
print(isinstance(d, io.BytesIO), io.BytesIO)
