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


import io
try:
    with open('a.txt', 'w') as f:
        f.write('data\n')
    f = open('a.txt')
    f.close()
    for op in [f.read, f.readline, f.readlines, f.tell, f.flush, f.readable, f.writable,
               f.seekable, f.fileno, f.isatty, lambda: f.write('x'), lambda: f.seek(0),
               lambda: next(f), lambda: iter(f), f.__enter__, lambda: f.writelines([])]:
        try:
            op()
        except ValueError as e:
            print('ValueError:', e)
    try:
        open('nope.txt')
    except FileNotFoundError as e:
        print(type(e).__name__, e, e.errno, e.strerror, e.filename, e.args)
    try:
        open('sub/nope.txt', 'w')
    except FileNotFoundError as e:
        print(e)
    os.mkdir('d')
    try:
        open('d')
    except IsADirectoryError as e:
        print(type(e).__name__, e)
    try:
        open('d', 'w')
    except IsADirectoryError as e:
        print(type(e).__name__, e)
    try:
        open('a.txt', 'x')
    except FileExistsError as e:
        print(type(e).__name__, e)
    try:
        open('a.txt/x')
    except NotADirectoryError as e:
        print(type(e).__name__, e)
    with open('a.txt') as f:
        for op in [lambda: f.write('x'), lambda: f.writelines(['x']), lambda: f.truncate()]:
            try:
                op()
            except io.UnsupportedOperation as e:
                print(type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))
        try:
            f.seek(1, 1)
        except io.UnsupportedOperation as e:
            print(e)
        try:
            f.seek(1, 2)
        except io.UnsupportedOperation as e:
            print(e)
        for bad in [lambda: f.seek(-1), lambda: f.seek(0, 3)]:
            try:
                bad()
            except ValueError as e:
                print(e)
    with open('a.txt', 'w') as f:
        try:
            f.read()
        except io.UnsupportedOperation as e:
            print(e)
        try:
            f.write(5)
        except TypeError as e:
            print(e)
        try:
            f.writelines([1])
        except TypeError as e:
            print(e)
    for m in ['rw', 'rr', 'q', 'rbt', '', 'wa', 'r++', 'U']:
        try:
            open('a.txt', m)
        except ValueError as e:
            print(repr(m), e)
    for kw in [dict(encoding='utf-8'), dict(errors='strict'), dict(newline='')]:
        try:
            open('a.txt', 'rb', **kw)
        except ValueError as e:
            print(e)
    for kw in [dict(encoding='nope'), dict(newline='x'), dict(buffering=0), dict(errors='nope')]:
        try:
            open('a.txt', **kw).read()
        except (ValueError, LookupError) as e:
            print(type(e).__name__, e)
    for bad in [lambda: open(1.5), lambda: open('a.txt', 5), lambda: open('a\0b'), lambda: open('a.txt', foo=1)]:
        try:
            bad()
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
    with open('a.txt', 'w', encoding='ascii') as f:
        try:
            f.write('ok \xe9')
        except UnicodeEncodeError as e:
            print('UnicodeEncodeError:', e)
    with open('a.txt', 'w', encoding='latin-1') as f:
        try:
            f.write('\u20ac')
        except UnicodeEncodeError as e:
            print('UnicodeEncodeError:', e)
        f.write('\xe9\xe9\n')
    with open('a.txt') as f:
        try:
            f.read()
        except UnicodeDecodeError as e:
            print('UnicodeDecodeError:', e)
    with open('a.txt', encoding='ascii') as f:
        try:
            f.read()
        except UnicodeDecodeError as e:
            print('UnicodeDecodeError:', e)
    class P:
        def __init__(self, p):
            self.p = p
        def __fspath__(self):
            return self.p
    with open(P('a.txt'), encoding='latin-1') as f:
        print(repr(f.read()), f.name.p if hasattr(f.name, 'p') else f.name)
finally:
    cleanup()
