# KeyError: the repr of the missing key.
d = {"a": 1}
print(d["b"])
