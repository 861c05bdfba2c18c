# Prints when its body runs: a module's code runs once, however often it is imported.
print("counter: running the module body")
count = 0


def bump():
    global count
    count += 1
    return count
