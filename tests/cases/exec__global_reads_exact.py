# Global and builtin reads in loops long enough to be quickened, with the globals an
# exact dict or a dict subclass (exec), and names changing between reads; a
# STORE_FAST runs the old value's __del__ at the store that replaces it.

class NS(dict):
    pass

src2 = """
def g(n):
    t = 0
    for i in range(n):
        t += G + len('abc')
        if i == 30:
            globals()['G'] = 100
        if i == 60:
            globals()['len'] = lambda s: -1
        if i == 70:
            del globals()['len']
    return t
"""
for ns in ({}, NS()):
    ns['G'] = 1
    exec(src2, ns)
    print(type(ns).__name__, ns['g'](100), ns['g'](100))

class Loud:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name, 'x is now', x_holder[0])

x_holder = [None]
def k():
    x = Loud('first')
    for i in range(3):
        x_holder[0] = i
        x = Loud(str(i))
    x_holder[0] = 'end'
k()
print('done')
