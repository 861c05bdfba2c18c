import sys
print(sys.stdin.readline(), end='')
print(input())
print(repr(sys.stdin.readline()))
for line in sys.stdin:
    print('line:', line.rstrip('\n'))
    if line.startswith('stop'):
        break
print(input('prompt> '))
print(sys.stdin.readlines())
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
print(sys.stdin.name, sys.stdin.mode, sys.stdin.readable(), sys.stdin.closed)
