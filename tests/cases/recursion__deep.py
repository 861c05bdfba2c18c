# sys.setrecursionlimit(100000) and a 50 000-deep recursion.
import sys
sys.setrecursionlimit(100000)
print(sys.getrecursionlimit())
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(50000))
def build(n):
    return [] if n == 0 else [build(n - 1)]
x = build(20000)
k = 0
while x:
    x = x[0]
    k += 1
print(k)
