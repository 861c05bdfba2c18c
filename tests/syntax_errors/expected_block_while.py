while 1:
x
