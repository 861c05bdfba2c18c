x y
s = 'abc
