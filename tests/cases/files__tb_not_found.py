import os
print("before")
f = open(os.path.join("no_such_dir", "missing.txt"))
