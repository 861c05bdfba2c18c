# comment at top

x = (1,
     2)   # inside brackets

y = [
    1,
    2,
]
z = 1 + \
    2
if x:
    # comment line

    pass
    if y:
        if z:
            pass
    w = 3
def f():
	return 1
class K:
    def m(self): return 1
if a: b = 1; c = 2
while 0: pass
émoji_naïve = 1
