# __index__, __int__, __float__, __round__ and __reversed__ honoured by the builtins.
class N:
    def __index__(self): return 3
    def __int__(self): return 4
    def __float__(self): return 2.5
    def __round__(self, n=None): return 9
    def __reversed__(self): return iter([3, 2, 1])
n = N()
try:
    print('list(range(n))', list(range(n)))
except Exception as ex:
    print('list(range(n))', type(ex).__name__, ex)
try:
    print('[10,20,30,40][n]', [10,20,30,40][n])
except Exception as ex:
    print('[10,20,30,40][n]', type(ex).__name__, ex)
try:
    print('int(n)', int(n))
except Exception as ex:
    print('int(n)', type(ex).__name__, ex)
try:
    print('float(n)', float(n))
except Exception as ex:
    print('float(n)', type(ex).__name__, ex)
try:
    print('round(n)', round(n))
except Exception as ex:
    print('round(n)', type(ex).__name__, ex)
try:
    print('list(reversed(n))', list(reversed(n)))
except Exception as ex:
    print('list(reversed(n))', type(ex).__name__, ex)
try:
    print('hex(n)', hex(n))
except Exception as ex:
    print('hex(n)', type(ex).__name__, ex)
try:
    print('bin(n)', bin(n))
except Exception as ex:
    print('bin(n)', type(ex).__name__, ex)
try:
    print("'ab' * n", 'ab' * n)
except Exception as ex:
    print("'ab' * n", type(ex).__name__, ex)
try:
    print('pow(2, n)', pow(2, n))
except Exception as ex:
    print('pow(2, n)', type(ex).__name__, ex)
try:
    print('[1,2,3,4,5][:n]', [1,2,3,4,5][:n])
except Exception as ex:
    print('[1,2,3,4,5][:n]', type(ex).__name__, ex)
try:
    print('n.__index__()', n.__index__())
except Exception as ex:
    print('n.__index__()', type(ex).__name__, ex)
try:
    print("'{}'.format(N)[:8]", '{}'.format(N)[:8])
except Exception as ex:
    print("'{}'.format(N)[:8]", type(ex).__name__, ex)
