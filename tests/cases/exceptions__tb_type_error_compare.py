# TypeError: ordering int and str.
print(1 < "2")
