# Output printed before an uncaught error is flushed first.
for i in range(3):
    print("line", i)
print(1 / 0)
