import sys, gc, math
gs = sys.getsizeof
print(gs(None), gs(True), gs(False), gs(...), gs(NotImplemented))
print([gs(x) for x in [0, 1, 255, 2**30 - 1, 2**30, 2**60, 2**63, 2**64, 2**90, -1, -2**30, 10**100, 2**1000, int('0'), 1 - 1]])
print([gs(x) for x in [0.0, 1.5, float('inf'), -0.0]])
print([gs(x) for x in ['', 'a', 'ab', 'hello world', 'x' * 100, 'é', 'héllo', 'ÿ' * 10, 'ā', 'ĀāĂ', '€' * 5, '😀', '😀' * 3, 'a😀']])
print([gs(x) for x in [(), (1,), (1, 2), (1, 2, 3, 4, 5), tuple([1] * 10)]])
print([gs(x) for x in [[], [1], [1, 2, 3], [0] * 10, [None] * 100, [1, 2, 3][1:], list((1, 2, 3)), list([1, 2, 3, 4, 5])]])
l = []
sizes = []
n = 0
while n < 20:
    sizes += [gs(l)]
    l += [n]
    n += 1
print(sizes)
print([gs(x) for x in [set(), {1}, {1, 2, 3, 4}]])
def f():
    pass
print(gs(f), gs(len), gs(gc.collect), gs(sys), gs(math))
def outer():
    v = 1
    def inner():
        return v
    return inner
print(gs(outer()))
print(gs(sys.maxsize), gs(sys.version_info), gs(sys.argv))
