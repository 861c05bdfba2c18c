# Module-level names read and written in loops stay right when the module's
# namespace changes under them (glasspy caches where names sit in the globals).
i = 0
total = 0
while i < 5:
    total += i
    i += 1
print(i, total)

# A builtin shadowed by a global, then unshadowed.
for k in range(3):
    print(len("abc"))
    if k == 0:
        len = lambda s: 99
    elif k == 1:
        del len
print(len("ab"))

# Names changed through globals().
g = globals()
x = 1
for k in range(4):
    print(x)
    if k == 1:
        g["x"] = 10
    if k == 2:
        del g["x"]
        g["y"] = 5
        x = 20
print(x, y)

# A name deleted, then read.
z = 3
for k in range(2):
    try:
        print(z)
        del z
    except NameError as e:
        print(e)

# global statements in a function write the same slots.
def bump():
    global counter
    counter += 1


counter = 0
for k in range(5):
    bump()
    counter += 10
print(counter)

# Many new globals made in a loop (the dict grows and moves its entries).
for k in range(50):
    g["v%d" % k] = k
    total += k
print(total, v49)

# A loop variable holding containers: the globals dict tracks them.
import gc
holder = None
for k in range(3):
    holder = [holder]
print(gc.is_tracked(g))
