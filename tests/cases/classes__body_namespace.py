# A class body stores into its own namespace, not the module globals (also when run repeatedly).
x = 1
class A:
    global y
    y = 2
    x = 3
    print(x)
print(x, y, A.x)
for i in range(3):
    class B:
        x = i
    print(B.x, x)
