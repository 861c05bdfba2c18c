# Using a memoryview after release(): ValueError.
with memoryview(b'payload') as m:
    print(m[0], m.tobytes())
print(len(m))
