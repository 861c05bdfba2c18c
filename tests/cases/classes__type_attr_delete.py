# Deleting the attributes type keeps for a class: each has CPython's error.
class A:
    pass


for n in ("__dict__", "__mro__", "__qualname__", "__module__", "__bases__", "__name__"):
    try:
        delattr(A, n)
    except Exception as e:
        print(n, type(e).__name__, e)
print(A.__name__, A.__module__, A.__bases__)
