import errno
e = OSError(2, 'No such file or directory', 'x.txt')
print(type(e).__name__, e, repr(e), e.args, e.errno, e.strerror, e.filename, e.filename2)
e = OSError(17, 'File exists', 'a', None, 'b')
print(type(e).__name__, e, e.args)
print(OSError('plain'), OSError().errno, OSError(99, 'weird'), type(OSError(99, 'w')).__name__)
print(IOError is OSError, EnvironmentError is OSError, issubclass(BrokenPipeError, ConnectionError))
class MyErr(OSError):
    pass
print(type(MyErr(2, 'x')).__name__, MyErr(2, 'x', 'f'))
class E2(OSError):
    def __init__(self, a):
        super().__init__(5, 'io', a)
x = E2('nm')
print(x, x.errno, x.args)
print(errno.ENOENT, errno.errorcode[2])
try:
    raise FileNotFoundError(2, 'No such file or directory', 'nofile')
except OSError as e:
    print('caught', e)
print(PermissionError(13, 'Permission denied').errno)
print(OSError(13, "Permission denied", "f") .__class__.__name__)
for n in [1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 103, 104, 110, 111, 5]:
    e = OSError(n, 'msg')
    print(n, type(e).__name__, e)
print(BlockingIOError.__mro__[1].__name__, ConnectionResetError.__mro__[1].__name__)
print(OSError('a', 'b', 'c', 'd', 'e', 'f').args, OSError('x', 'y').errno)
e = OSError(2, 'x', None)
print(e.args, e.filename, str(e))
try:
    raise OSError(2, 'No such file or directory', 'zz', None, 'yy')
except FileNotFoundError as e:
    print(e, e.filename2)
