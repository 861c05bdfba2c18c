# Output printed before an uncaught error is flushed first.
for i in [0, 1, 2]:
    print("line", i)
print(1 / 0)
