# RecursionError at the default limit is catchable, and the limit is 1000.
import sys
print(sys.getrecursionlimit())
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("caught:", e)
count = 0
def measure():
    global count
    count += 1
    measure()
try:
    measure()
except RecursionError:
    print("depth reached", count)
