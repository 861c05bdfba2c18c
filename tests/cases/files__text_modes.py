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
    p = 'a.txt'
    with open(p, 'w') as f:
        print(f)
        print(f.write('hello\nworld\r\nthird\rfour'), f.tell())
        f.writelines(['x\n', 'y\n'])
        print(f.closed, f.name, f.mode, f.encoding, f.errors, f.writable(), f.readable(), f.seekable())
    print(f.closed, f)
    with open(p) as f:
        print(repr(f.read()))
        print(f.tell())
    with open(p, newline='') as f:
        print(f.readlines())
    with open(p, newline='\n') as f:
        print(f.readlines())
    with open(p, newline='\r') as f:
        print(f.readlines())
    with open(p, newline='\r\n') as f:
        print(f.readlines())
    with open(p) as f:
        for line in f:
            print(repr(line))
    with open(p) as f:
        print(repr(f.readline()), f.tell(), repr(f.read(3)), f.tell())
        f.seek(2)
        print(repr(f.read(5)), repr(f.readline(3)), repr(f.readline(0)))
        f.seek(0, 2)
        print(f.tell(), repr(f.read()), repr(f.readline()))
        print(f.seek(0), f.readlines(8))
    with open(p, 'a') as f:
        print(f.tell(), f.mode)
        f.write('appended\n')
    with open(p, 'r+') as f:
        print(repr(f.readline()))
        f.write('ZZ')
        f.seek(0)
        print(repr(f.read()))
        print(f.truncate(5), f.tell())
    with open(p) as f:
        print(repr(f.read()))
    with open(p, 'w+') as f:
        f.write('abc\ndef\n')
        f.seek(0)
        print(f.readlines(), f.tell())
    with open('b.txt', 'x') as f:
        f.write('exclusive')
    with open('b.txt', 'rt') as f:
        print(f.read(), f.mode)
    with open(p, 'w', newline='\r\n') as f:
        f.write('one\ntwo\n')
    with open(p, newline='') as f:
        print(repr(f.read()))
    with open(p, 'w', encoding='latin-1') as f:
        f.write('caf\xe9 \xff\n')
        print(f.encoding)
    with open(p, encoding='latin1') as f:
        print(repr(f.read()))
    for errors in ['replace', 'ignore', 'backslashreplace', 'surrogateescape']:
        with open(p, encoding='utf-8', errors=errors) as f:
            print(errors, repr(f.read()), f.errors)
    with open(p, 'w', encoding='ascii', errors='xmlcharrefreplace') as f:
        f.write('\xe9\u20ac!')
    with open(p) as f:
        print(f.read())
    with open(p, 'w') as f:
        f.write('\u20ac \U0001f600 \xe9\n' * 3000)
    with open(p, encoding='utf-8') as f:
        data = f.read()
        print(len(data), data[:8], f.tell())
    with open(p) as f:
        n = 0
        for line in f:
            n += len(line)
        print(n)
    f = open(p)
    print(f.read(2))
    f.close()
    f.close()
    print(f.closed)
    f = open(p, 'w')
    f.write('written without close')
    del f
    with open(p) as f:
        print(f.read())
    import io, sys
    print(io.TextIOWrapper, type(f).__name__, type(f).__module__, io.StringIO.__name__)
    print(sys.stdout, sys.stderr, sys.stdin)
    print(sys.stdout.write('via write\n'), sys.stdout.encoding, sys.stdout.writable())
finally:
    cleanup()
