import io, os
START = os.getcwd()
TMP = os.path.join(os.environ.get('TMPDIR', '/tmp'), 'glasspy_case_%d_print_file' % os.getpid())
os.mkdir(TMP)
os.chdir(TMP)
try:
    with open('out.txt', 'w') as f:
        print('a', 1, [2, 3], sep=', ', end=';\n', file=f)
        print(file=f)
        print('flushed', file=f, flush=True)
        with open('out.txt') as g:
            print(repr(g.read()))
        print('\xe9\u20ac', 'x' * 3, file=f, sep='')
    with open('out.txt') as f:
        print(repr(f.read()))
    class Writer:
        def __init__(self):
            self.parts = []
        def write(self, s):
            self.parts.append(s)
        def flush(self):
            self.parts.append('<flush>')
    w = Writer()
    print('p', 'q', file=w, flush=True)
    print(w.parts)
    s = io.StringIO()
    print('to', 'stringio', file=s)
    print(repr(s.getvalue()))
    with open('out.txt', 'w', encoding='ascii') as f:
        try:
            print('caf\xe9', file=f)
        except UnicodeEncodeError as e:
            print('UnicodeEncodeError:', e)
    f = open('out.txt', 'w')
    f.close()
    try:
        print('x', file=f)
    except ValueError as e:
        print('ValueError:', e)
finally:
    os.chdir(START)
    for name in os.listdir(TMP):
        os.remove(os.path.join(TMP, name))
    os.rmdir(TMP)
