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


def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, repr(r))


try:
    import io
    p = 'a.bin'
    with open(p, 'wb') as f:
        attempt('write str', lambda: f.write('text'))
        attempt('write int', lambda: f.write(3))
        attempt('write none', lambda: f.write())
        attempt('read', lambda: f.read())
        attempt('read1', lambda: f.read1())
        attempt('readline', lambda: f.readline())
        attempt('readinto', lambda: f.readinto(bytearray(2)))
        attempt('iterate', lambda: list(f))
        attempt('peek', lambda: f.peek())
        attempt('raw read', lambda: f.raw.read())
        attempt('raw write str', lambda: f.raw.write('x'))
        attempt('whence', lambda: f.seek(0, 5))
        attempt('seek str', lambda: f.seek('a'))
        attempt('seek float', lambda: f.seek(1.5))
        attempt('negative seek', lambda: f.seek(-5))
        attempt('truncate -1', lambda: f.truncate(-1))
        f.write(b'0123456789')
    with open(p, 'rb') as f:
        attempt('write', lambda: f.write(b'x'))
        attempt('writelines', lambda: f.writelines([b'x']))
        attempt('truncate', lambda: f.truncate())
        attempt('raw write', lambda: f.raw.write(b'x'))
        attempt('raw truncate', lambda: f.raw.truncate())
        attempt('read -2', lambda: f.read(-2))
        attempt('read str', lambda: f.read('x'))
        attempt('readinto bytes', lambda: f.readinto(b'abc'))
        attempt('readinto ro view', lambda: f.readinto(memoryview(b'abc')))
        attempt('readline str', lambda: f.readline('x'))
    ops = ['read', 'read1', 'readline', 'readlines', 'peek', 'tell', 'seek',
           'truncate', 'flush', 'readable', 'writable', 'seekable', 'fileno',
           'isatty', 'write', 'writelines', 'iter', 'enter', 'readinto']
    calls = {
        'seek': lambda f: f.seek(0), 'write': lambda f: f.write(b'x'),
        'writelines': lambda f: f.writelines([b'x']), 'iter': lambda f: iter(f),
        'enter': lambda f: f.__enter__(), 'readinto': lambda f: f.readinto(bytearray(2)),
    }
    for mode in ['rb', 'wb', 'r+b']:
        f = open(p, mode)
        f.close()
        f.close()
        print(mode, f.closed, f.name, f.mode, f.raw)
        for op in ops:
            if not hasattr(f, op) and op not in calls:
                print(' ', op, 'missing')
                continue
            attempt('  ' + op, lambda: calls[op](f) if op in calls else getattr(f, op)())
        for op in ['read', 'readall', 'tell', 'seekable', 'fileno', 'readable', 'writable']:
            attempt('  raw ' + op, lambda: getattr(f.raw, op)())
        attempt('  raw write', lambda: f.raw.write(b'x'))
    try:
        with open(p, 'rb') as f:
            f.write(b'boom')
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation', e, isinstance(e, OSError), isinstance(e, ValueError))
    print(f.closed)
    for bad in [dict(encoding='utf-8'), dict(errors='strict'), dict(newline='')]:
        attempt('open', lambda: open(p, 'rb', **bad))
finally:
    cleanup()
