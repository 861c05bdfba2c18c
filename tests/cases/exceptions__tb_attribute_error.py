# AttributeError on an int.
x = 5
x.nothing
