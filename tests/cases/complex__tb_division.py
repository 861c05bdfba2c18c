# A complex division by zero inside a function: the traceback.
def ratio(a, b):
    return a / b

print(ratio(1 + 2j, 2j))
print(ratio(3j, 0))
