import os
START = os.getcwd()
TMP = os.path.join(os.environ.get('TMPDIR', '/tmp'), 'glasspy_case_%d_%s' % (os.getpid(), os.path.basename(__file__)[:-3]))
os.mkdir(TMP)
os.chdir(TMP)


def cleanup():
    os.chdir(START)
    for top, dirs, files in os.walk(TMP, topdown=False):
        for f in files:
            os.remove(os.path.join(top, f))
        for d in dirs:
            os.rmdir(os.path.join(top, d))
    os.rmdir(TMP)


try:
    import io
    p = 'a.bin'
    with open(p, 'wb') as f:
        print(f, f.raw)
        print(f.write(b'hello\nworld\n'), f.tell())
        print(f.write(bytearray(b'ab')), f.write(memoryview(b'xyz')[1:]))
        import array
        print(f.write(array.array('B', [65, 66, 10])))
        f.writelines([b'l1\n', bytearray(b'l2\n')])
        print(f.closed, f.name, f.mode, f.raw.mode, f.raw.closefd, f.readable(), f.writable(), f.seekable(), f.isatty())
        print(type(f.fileno()).__name__, f.fileno() == f.raw.fileno())
        f.flush()
    print(f.closed, f, f.raw)
    with open(p, 'rb') as f:
        print(type(f).__name__, f.read())
        print(f.read(), f.tell())
        print(f.seek(0), f.read(3), f.read1(2), f.tell())
        print(f.peek()[:4])
        print(f.readline(), f.readline(2), f.readline())
        print(f.seek(-3, 2), f.read(), f.seek(1), f.seek(2, 1), f.read(2))
        f.seek(0)
        print(f.readlines())
        f.seek(0)
        print(f.readlines(8))
        f.seek(0)
        print([line for line in f])
        f.seek(0)
        b = bytearray(4)
        print(f.readinto(b), b)
        m = memoryview(bytearray(3))
        print(f.readinto(m), bytes(m))
        print(f.readinto1(bytearray(2)))
        print(f.read(0), f.read(None)[:3], f.read(-1), f.read1())
    with open(p, 'r+b') as f:
        print(type(f).__name__, f.mode, f.read(5))
        print(f.write(b'!'), f.tell())
        print(f.read(3))
        f.seek(0)
        print(f.read(8))
        print(f.truncate(4), f.tell())
        f.seek(0)
        print(f.read())
        print(f.truncate(), f.tell())
    with open(p, 'ab') as f:
        print(type(f).__name__, f.mode, f.tell())
        f.write(b'++')
        print(f.tell())
    with open(p, 'a+b') as f:
        print(f.mode, f.tell())
        f.seek(0)
        print(f.read())
    with open(p, 'w+b') as f:
        print(f.mode, f.read())
        f.write(b'new')
        f.seek(0)
        print(f.read())
    with open('x.bin', 'xb') as f:
        print(f.mode, f.write(b'\x00\xff'))
    with open('x.bin', 'rb') as f:
        print(f.read(), list(f.raw.read()))
    try:
        open('x.bin', 'xb')
    except FileExistsError as e:
        print(type(e).__name__, e.errno)
    # FileIO straight
    with open(p, 'rb') as f:
        r = f.raw
        print(r.read(2), r.readall(), r.tell(), r.seek(1), r.readline(), r.read())
        r.seek(0)
        print(r.readinto(bytearray(5)), list(r), r.seekable(), r.readable(), r.writable())
    with open(p, 'wb') as f:
        print(f.raw.write(b'raw!'), f.raw.tell(), f.raw.truncate(2), f.raw.tell())
    with open(p, 'rb') as f:
        print(f.read())
    # the text layer's buffer
    with open('t.txt', 'w') as f:
        f.write('abc\n')
        print(f.buffer, f.buffer.raw)
        f.flush()
        f.buffer.write(b'def\n')
    with open('t.txt', 'rb') as f:
        print(f.read())
    # big
    data = bytes(range(256)) * 100
    with open(p, 'wb') as f:
        f.write(data)
    with open(p, 'rb') as f:
        print(f.read() == data, f.tell())
        f.seek(10000)
        print(f.read(5) == data[10000:10005], len(f.read(100000)))
        f.seek(0)
        n = 0
        for line in f:
            n += len(line)
        print(n)
finally:
    cleanup()
