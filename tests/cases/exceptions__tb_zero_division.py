# ZeroDivisionError inside a called function: two frames, carets under the operation.
def ratio(a, b):
    return a / b
print("before")
print(ratio(1, 0))
