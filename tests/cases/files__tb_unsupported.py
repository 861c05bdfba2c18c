with open(__file__) as f:
    print(f.readline(), end="")
    f.write("x")
