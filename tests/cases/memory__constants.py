# Equal constants of one compilation unit are one object; values made at run time
# are not (shared/reference/interning.txt).
a = 1000
b = 1000
print(a is b, 999 + 1 is a)
def f():
    return 1000
def g():
    return 1000
print(f() is g(), f() is a)
x = int("1000")
y = int("1000")
print(x is y, x == y)
n = 999
print((n + 1) is (n + 1))
u = 1.5
v = 1.5
print(u is v, float("1.5") is float("1.5"))
t1 = (1, 2)
t2 = (1, 2)
print(t1 is t2, tuple() is (), (1, 2)[5:] is ())
s1 = "hello world"
s2 = "hello world"
print(s1 is s2)
import sys
print("hello" is sys.intern("hel" + "lo".lower()))
print("hello world" is sys.intern("hello " + "world".lower()))
print(chr(97) is chr(97), chr(256) is chr(256), "" is str())
print("hel" + "lo" is "hello")
