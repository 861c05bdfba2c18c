# Bare raise re-raises the exception being handled.
def f():
    try:
        raise IndexError("first")
    except IndexError:
        print("handling")
        raise
try:
    f()
except IndexError as e:
    print("re-raised:", e)
