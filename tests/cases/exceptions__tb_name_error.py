# NameError for an undefined global.
def f():
    return undefined_name + 1
f()
