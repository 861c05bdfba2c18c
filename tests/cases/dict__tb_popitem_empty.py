# An uncaught KeyError from popitem() on an empty dict.
stack = {"x": 1}
print(stack.popitem())
print(stack.popitem())
