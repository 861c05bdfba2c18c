import io
s = io.StringIO('ab\ncd\n')
print(s.readline(), s.read(), s.tell(), s.getvalue())
s.write('ef')
print(repr(s.getvalue()))
s.seek(1)
s.write('X')
print(repr(s.getvalue()), list(io.StringIO('1\n2\n3')))
s = io.StringIO()
print(s.write('hello'), s.tell(), s.seek(10), s.write('!'), repr(s.getvalue()))
print(s.truncate(3), repr(s.getvalue()), s.tell())
s.seek(0)
print(s.read(2), s.readlines(), s.readable(), s.writable(), s.seekable(), s.closed)
print(io.StringIO('a\r\nb\rc\n', newline=None).getvalue().split('\n'))
with io.StringIO('x\ny\n') as t:
    print([line for line in t], t.readlines())
print(t.closed)
try:
    t.read()
except ValueError as e:
    print(e)
s = io.StringIO()
print('a', 1, 2.5, file=s, sep='-', end='|')
print(file=s)
s.writelines(['p', 'q'])
print(repr(s.getvalue()))
for bad in [lambda: s.write(1), lambda: s.seek(-1), lambda: s.seek(1, 1), lambda: io.StringIO(1)]:
    try:
        bad()
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e)
print(s.seek(0, 2), s.seek(0, 1), s.read(), io.StringIO('abc').read(-1), io.StringIO('abc').read(None))
print(type(s).__name__, type(s).__module__, io.SEEK_END, io.DEFAULT_BUFFER_SIZE)
