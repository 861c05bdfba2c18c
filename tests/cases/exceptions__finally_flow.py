# finally runs on return, break, continue and re-raise.
def f():
    try:
        return "try"
    finally:
        print("finally on return")
print(f())
def g():
    try:
        return 1
    finally:
        return 2
print(g())
for i in range(3):
    try:
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
    finally:
        print("finally", i)
def h():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", e)
h()
