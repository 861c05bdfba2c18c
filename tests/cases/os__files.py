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
    
    base = 'tree'
    os.makedirs(base + '/a/b', exist_ok=True)
    os.makedirs(base + '/a/b', exist_ok=True)
    try:
        os.makedirs(base + '/a')
    except FileExistsError as e:
        print('exists:', e)
    for name in ['x.txt', 'a/y.txt', 'a/b/z.py']:
        with open(os.path.join(base, name), 'w') as f:
            f.write(name * 3)
    print(sorted(os.listdir(base)))
    for top, dirs, files in os.walk(base):
        dirs.sort()
        print(top, dirs, sorted(files))
    for top, dirs, files in os.walk(base, topdown=False):
        print(top, sorted(dirs), sorted(files))
    with os.scandir(base) as it:
        for e in sorted(it, key=lambda e: e.name):
            print(e, e.name, e.path, e.is_file(), e.is_dir())
    st = os.stat(os.path.join(base, 'x.txt'))
    print(st.st_size, st[6], type(st).__name__, len(st), oct(st.st_mode & 0o170000), type(st.st_mtime), type(st.st_mtime_ns))
    print(os.path.getsize(base + '/a/y.txt'), os.path.isfile(base + '/x.txt'), os.path.isdir(base + '/a'), os.path.exists(base + '/nope'))
    os.rename(base + '/x.txt', base + '/w.txt')
    os.replace(base + '/w.txt', base + '/v.txt')
    print(sorted(os.listdir(base)))
    for bad in [lambda: os.remove(base + '/nope'), lambda: os.rmdir(base + '/a'), lambda: os.mkdir(base),
                lambda: os.rename(base + '/nope', base + '/nope2'), lambda: os.listdir(base + '/nope'),
                lambda: os.stat('nope'), lambda: os.chdir('nope'), lambda: os.remove(base + '/a')]:
        try:
            bad()
        except OSError as e:
            print(type(e).__name__, e)
    cwd = os.getcwd()
    os.chdir(base)
    print(os.path.basename(os.getcwd()), sorted(os.listdir()))
    os.chdir('..')
    print(os.getcwd() == cwd)
    os.remove(base + '/v.txt'); os.unlink(base + '/a/y.txt'); os.remove(base + '/a/b/z.py')
    os.rmdir(base + '/a/b'); os.removedirs(base + '/a')
    print(os.path.exists(base))
    print(os.sep, repr(os.linesep), os.name, os.curdir, os.pardir, type(os.getpid()))
    os.environ['GLASSPY_TEST_VAR'] = 'hello'
    print(os.environ['GLASSPY_TEST_VAR'], os.getenv('GLASSPY_TEST_VAR'), os.getenv('NOPE_X'), os.getenv('NOPE_X', 'dflt'), 'GLASSPY_TEST_VAR' in os.environ)
    del os.environ['GLASSPY_TEST_VAR']
    print(os.environ.get('GLASSPY_TEST_VAR'), type(os.environ))
    try:
        os.environ['NOPE_Y']
    except KeyError as e:
        print('KeyError', e)
    try:
        os.environ['A'] = 1
    except TypeError as e:
        print(e)
    print(os.strerror(2), os.fspath('abc'))
    p = os.path
    for x in ['a/b/c.txt', '/a/b/', 'c', '/', '', '.bashrc', 'a.b.c', '..', 'a/.b', '//x', '///y/..']:
        print(repr(x), p.split(x), p.splitext(x), p.basename(x), p.dirname(x), p.isabs(x), p.normpath(x))
    print(p.join('a', 'b', 'c'), p.join('a/', 'b'), p.join('a', '/b', 'c'), p.join('', 'x'), p.join('a', ''))
    print(p.normpath('a/./b/../../..//c/'), p.normpath('/../a'), p.relpath('/a/b/c', '/a/d'), p.relpath('/a', '/a'))
    print(p.commonprefix(['/usr/lib', '/usr/local', '/usr/l']), p.commonprefix([]))
    print(p.abspath('x') == p.join(os.getcwd(), 'x'), p.abspath('/a/../b'))
    print(p.expanduser('~/x') == os.environ['HOME'] + '/x', p.expanduser('x~'))
    try:
        p.join('a', 1)
    except TypeError as e:
        print(e)
    print(p.__name__, os.path is p)
finally:
    cleanup()
